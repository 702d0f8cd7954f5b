//! The contract: serde types for every result seatctl reports, printed by `--json` (and later
//! served over HTTP). Apart from storage: the store's row types stay private to the store.

mod apikeys;
mod audit;
mod events;
mod holds;
mod layouts;
mod reports;
mod schema;
mod seats;

pub use apikeys::{ApiKeyCreated, ApiKeyInfo};
pub use audit::{AuditReport, AuditSection, Audited, Booked, Violation};
pub use events::{Created, Deleted, EventDetail, EventListItem, ImportReport};
pub use holds::{
    BlockChange, Held, HistoryEntry, HoldInfo, Released, ReservationInfo, SeatChange, Swept, Total,
};
pub use layouts::{Checked, Imported, SectionSummary};
pub use reports::{
    EventReport, ExportSeat, FoundReservation, HoldRow, Lapsing, ReservationRow, SalesHour, Tally,
};
pub use schema::{MigrationStatus, SchemaReport};
pub use seats::{MapRow, MapSeat, MapSection, SeatMap};
