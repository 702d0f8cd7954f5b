//! Taking seats out of sale (house seats, broken seats, camera positions) and back: a state
//! change like any other, through the session's `Reserver`.

use super::Session;
use super::strategy::Effort;
use crate::contract::BlockChange;
use crate::domain::{labels, names};
use crate::error::{Error, Result};

impl Session {
    /// Blocks the seats (ranges allowed) with `reason`, all or none. A held or reserved seat is
    /// a conflict (exit 3); seats already blocked are reported unchanged. Errors: exit 2 (no
    /// reason, empty label), 4 (unknown event or seat, with a "did you mean").
    pub async fn block(&self, event: &str, seats: &[String], reason: &str) -> Result<BlockChange> {
        let reason = names::normalize("reason", reason.trim()).map_err(Error::Invalid)?;
        if reason.is_empty() {
            return Err(Error::invalid(
                "--reason must say why the seats are blocked",
            ));
        }
        self.set_blocked(event, seats, Some(&reason)).await
    }

    /// Puts blocked seats back on sale; seats already available are reported unchanged.
    /// Errors: as [`Session::block`].
    pub async fn unblock(&self, event: &str, seats: &[String]) -> Result<BlockChange> {
        self.set_blocked(event, seats, None).await
    }

    async fn set_blocked(
        &self,
        event: &str,
        seats: &[String],
        reason: Option<&str>,
    ) -> Result<BlockChange> {
        let mut typed: Vec<String> = Vec::with_capacity(seats.len());
        for s in seats {
            let s = names::nfc(s.trim());
            if s.is_empty() {
                return Err(Error::invalid("an empty seat label was given"));
            }
            if !typed.contains(&s) {
                typed.push(s);
            }
        }
        let reserver = self.reserver().await?;
        let event = reserver.store().find_event(event).await?;
        let wanted = if typed.iter().any(|l| l.contains("..")) {
            let all = reserver.store().list_seats(event.id, None, None).await?;
            labels::expand_set(&typed, &all)?
        } else {
            typed
        };
        match reserver
            .set_blocked(
                event.id,
                &wanted,
                reason,
                &self.actor(),
                &mut Effort::default(),
            )
            .await
        {
            Err(e @ Error::UnknownSeats { .. }) => {
                // Labels typed in another case, each matching one seat: those seats.
                let mut fixed = self.labels_in_any_case(event.id, &wanted, e).await?;
                // A seat named twice (in two cases) counts once, as in ranges.
                let mut seen = std::collections::HashSet::new();
                fixed.retain(|l| seen.insert(l.clone()));
                match reserver
                    .set_blocked(
                        event.id,
                        &fixed,
                        reason,
                        &self.actor(),
                        &mut Effort::default(),
                    )
                    .await
                {
                    Err(e @ Error::UnknownSeats { .. }) => {
                        Err(self.explain_unknown(event.id, &fixed, e).await)
                    }
                    other => other,
                }
            }
            other => other,
        }
    }
}
