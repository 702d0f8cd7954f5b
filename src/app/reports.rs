//! Reports on an event: sales by section and category, holds about to lapse, reservations by
//! hour; the export of every seat with its people; the audit.

use std::collections::BTreeMap;

use chrono::{DateTime, DurationRound, TimeDelta, Utc};

use super::Session;
use uuid::Uuid;

use crate::contract::{AuditReport, Audited, EventReport, ExportSeat, SalesHour, Tally};
use crate::duration::HumanDuration;
use crate::error::{Error, Result};
use crate::store::Expected;

impl Session {
    /// Sales of the event by section and category, holds lapsing within `within`, and the
    /// reservations still active by the hour they were made. Errors: exit 4 (unknown event).
    pub async fn report(&self, event: &str, within: HumanDuration) -> Result<EventReport> {
        // Holds live at most 7 days (`reservation.max_hold_lifetime`): a longer window shows
        // nothing more, and a much longer one no database can add to a time.
        if within > HumanDuration::secs(366 * 24 * 3600) {
            return Err(Error::invalid(format!(
                "--within {within} is too long: at most 366 days"
            )));
        }
        let store = self.store().await?;
        let event = store.find_event(event).await?;
        let seats = store.list_seats(event.id, None, None).await?;
        let mut overall = Tally {
            name: event.name.clone(),
            ..Tally::default()
        };
        let mut sections: Vec<Tally> = Vec::new();
        let mut categories: BTreeMap<String, Tally> = BTreeMap::new();
        for s in &seats {
            let status = s.status.as_str();
            overall.add(status);
            if sections.last().is_none_or(|t| t.name != s.section) {
                sections.push(Tally {
                    name: s.section.clone(),
                    ..Tally::default()
                });
            }
            sections.last_mut().expect("pushed above").add(status);
            let cat = s.category.clone().unwrap_or_else(|| "(none)".into());
            categories
                .entry(cat.clone())
                .or_insert_with(|| Tally {
                    name: cat,
                    ..Tally::default()
                })
                .add(status);
        }
        // Revenue, when the event has prices: the reserved seats' prices by section and
        // category (every tally gets one, 0 where nothing is sold).
        if let Some(currency) = &store.event_currency(event.id).await? {
            overall.add_revenue(0, 0, currency);
            for t in sections.iter_mut().chain(categories.values_mut()) {
                t.add_revenue(0, 0, currency);
            }
            for r in store.revenue(event.id).await? {
                let unpriced = r.unpriced as u64;
                overall.add_revenue(r.minor, unpriced, currency);
                if let Some(t) = sections.iter_mut().find(|t| t.name == r.section) {
                    t.add_revenue(r.minor, unpriced, currency);
                }
                let cat = r.category.unwrap_or_else(|| "(none)".into());
                if let Some(t) = categories.get_mut(&cat) {
                    t.add_revenue(r.minor, unpriced, currency);
                }
            }
        }
        let lapsing = store
            .lapsing_holds(event.id, within.0.as_millis() as i64)
            .await?;
        let mut hours: BTreeMap<DateTime<Utc>, SalesHour> = BTreeMap::new();
        for (at, n) in store.reservation_times(event.id).await? {
            let hour = at.duration_trunc(TimeDelta::hours(1)).unwrap_or(at);
            let h = hours.entry(hour).or_insert(SalesHour {
                hour,
                reservations: 0,
                seats: 0,
            });
            h.reservations += 1;
            h.seats += n as u64;
        }
        Ok(EventReport {
            event_id: event.id,
            event: event.name,
            overall,
            sections,
            categories: categories.into_values().collect(),
            lapsing_within: within,
            lapsing,
            sales_by_hour: hours.into_values().collect(),
        })
    }

    /// Every seat of the event in layout order, with its holder, customer and reference.
    /// Errors: exit 4 (unknown event).
    pub async fn export(&self, event: &str) -> Result<Vec<ExportSeat>> {
        let store = self.store().await?;
        let event = store.find_event(event).await?;
        store.export_seats(event.id).await
    }

    /// The audit of one event, also checking what a simulation's buyers were told (`expected`)
    /// against the reservations. A long run may have outlived the session's connection (a
    /// server restart, `pg_terminate_backend`): the audit is tried again, backing off, for up
    /// to `database.connect_timeout` after the first failure; each try may also take five
    /// `database.statement_timeout`s for its reads. Errors: exit 6 when the database stays
    /// down or does not answer.
    pub async fn audit_run(&self, event_id: Uuid, expected: &Expected<'_>) -> Result<AuditReport> {
        let store = self.store().await?;
        let db = &self.settings.config.database;
        let bound = db.connect_timeout.0;
        // One try: a connection (at most what is left of the bound), then the snapshot's five
        // reads, each at most statement_timeout on the server; a frozen server is given up
        // after that, a big event (a million seats) still gets its time.
        let per_try = |left: std::time::Duration| left + db.statement_timeout.0 * 5;
        let started = std::time::Instant::now();
        let mut pause = std::time::Duration::from_millis(50);
        loop {
            let left = bound
                .saturating_sub(started.elapsed())
                .max(std::time::Duration::from_millis(100));
            let tried = tokio::time::timeout(per_try(left), store.audit(event_id, Some(expected)))
                .await
                .unwrap_or_else(|_| {
                    Err(Error::Unavailable(format!(
                        "the audit got no answer from the database within {}s \
                         (database.connect_timeout + 5 × database.statement_timeout)",
                        per_try(left).as_secs_f64()
                    )))
                });
            match tried {
                Err(Error::Unavailable(why)) if started.elapsed() < bound => {
                    tracing::debug!(%why, "audit: the database connection failed; trying again");
                    tokio::time::sleep(pause).await;
                    pause = (pause * 2).min(std::time::Duration::from_secs(1));
                }
                other => return other,
            }
        }
    }

    /// Checks in one consistent snapshot that no seat is sold twice and that seats, holds,
    /// reservations and history agree. Errors: exit 4 (unknown event); a failed audit is a
    /// result (`ok: false`), which the command turns into exit 10.
    pub async fn audit(&self, event: &str) -> Result<Audited> {
        let store = self.store().await?;
        let event = store.find_event(event).await?;
        Ok(Audited {
            event_id: event.id,
            audit: store.audit(event.id, None).await?,
            event: event.name,
        })
    }

    /// How the database's clock stands to this machine's: the best of five readings, each
    /// taken as of the middle of its round trip (error: half the round trip). Errors: exit 6.
    pub async fn clock_offset(&self) -> Result<crate::sim::history::Clock> {
        let store = self.store().await?;
        let now_us = || {
            std::time::SystemTime::now()
                .duration_since(std::time::UNIX_EPOCH)
                .map_or(0, |d| d.as_micros() as i64)
        };
        let mut best = crate::sim::history::Clock {
            offset_us: 0,
            error_us: i64::MAX,
        };
        for _ in 0..5 {
            let before = now_us();
            let db = store.clock().await?.timestamp_micros();
            let after = now_us();
            let error_us = (after - before) / 2;
            if error_us < best.error_us {
                best = crate::sim::history::Clock {
                    offset_us: db - (before + after) / 2,
                    error_us,
                };
            }
        }
        Ok(best)
    }
}
