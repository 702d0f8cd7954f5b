//! The contract: serde types for every result seatctl reports, printed by `--json` (and later
//! served over HTTP). Apart from storage: the store's row types stay private to the store.

mod events;
mod holds;
mod reports;

pub use events::{EventListItem, ImportReport};
pub use holds::{BlockChange, Held, HistoryEntry, HoldInfo, Released, ReservationInfo, Swept};
pub use reports::{ExportSeat, FoundReservation, Lapsing};
