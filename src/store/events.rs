//! Events and their seat layouts: create, find, list, count, import, delete.

use chrono::{DateTime, FixedOffset, Utc};
use sqlx::QueryBuilder;
use uuid::Uuid;

use super::dialect::{now_sql, seat_is_free};
use super::rows::{EventCountsRow, EventRow, SEAT_COLUMNS, SeatRow};
use super::{Store, db_error, with_pool};
use crate::contract::{EventListItem, ImportReport};
use crate::domain::layout::{Layout, LayoutSeat};
use crate::domain::{Event, Seat, SeatStatus, SectionCounts, StatusCounts};
use crate::error::{Error, Result};

/// Rows per INSERT: 8 binds a row stays far below PostgreSQL's 65 535 and SQLite's 32 766.
const INSERT_CHUNK: usize = 1000;

#[derive(Debug, Clone)]
pub struct NewEvent {
    pub name: String,
    pub venue: Option<String>,
    pub starts_at: Option<DateTime<FixedOffset>>,
}

/// Inserts a layout's seats inside an open transaction, a chunk of rows per statement (not a
/// round trip per seat). A macro rather than a function so one body serves both backends.
macro_rules! insert_seats {
    ($tx:ident, $event_id:expr, $layout:expr, $pg:expr) => {
        // SQLite gives a new row the largest id + 1, so after a layout replace new seats would
        // take the ids of deleted ones, whose history stays: start above every id the history
        // names. (PostgreSQL's identity never goes back.)
        let mut next: Option<i64> = None;
        if !$pg {
            let top: Option<i64> = sqlx::query_scalar(
                "SELECT MAX(m) FROM (SELECT MAX(id) AS m FROM seats \
                 UNION ALL SELECT MAX(seat_id) FROM seat_history)",
            )
            .fetch_one(&mut *$tx)
            .await?;
            next = Some(top.unwrap_or(0) + 1);
        }
        for chunk in $layout.seats.chunks(INSERT_CHUNK) {
            let mut qb = QueryBuilder::new(
                "INSERT INTO seats (id, event_id, section, row_name, number, label, category, \
                 attributes, section_pos, row_pos, seat_pos, external_id, area) ",
            );
            if next.is_none() {
                qb = QueryBuilder::new(
                    "INSERT INTO seats (event_id, section, row_name, number, label, category, \
                     attributes, section_pos, row_pos, seat_pos, external_id, area) ",
                );
            }
            qb.push_values(chunk, |mut b, s: &LayoutSeat| {
                if let Some(id) = next.as_mut() {
                    b.push_bind(*id);
                    *id += 1;
                }
                b.push_bind($event_id)
                    .push_bind(s.section.clone())
                    .push_bind(s.row.clone())
                    .push_bind(i64::from(s.number))
                    .push_bind(s.label.clone())
                    .push_bind(s.category.clone())
                    .push_bind(s.attributes.to_db())
                    .push_bind(i64::from(s.section_pos))
                    .push_bind(i64::from(s.row_pos))
                    .push_bind(s.seat_pos.map(i64::from))
                    .push_bind(s.external_id.clone())
                    .push_bind(s.area);
            });
            qb.build().execute(&mut *$tx).await?;
        }
    };
}

/// Sets the event's general-admission areas (name, category, capacity) to the layout's,
/// inside an open transaction; the places themselves are rows of `seats`.
macro_rules! set_areas {
    ($tx:ident, $event_id:expr, $layout:expr) => {
        sqlx::query("DELETE FROM areas WHERE event_id = $1")
            .bind($event_id)
            .execute(&mut *$tx)
            .await?;
        for area in &$layout.areas {
            sqlx::query(
                "INSERT INTO areas (event_id, name, category, capacity) VALUES ($1, $2, $3, $4)",
            )
            .bind($event_id)
            .bind(&area.name)
            .bind(&area.category)
            .bind(i64::from(area.capacity))
            .execute(&mut *$tx)
            .await?;
        }
    };
}

/// A seat as a layout replace reads it: id, external id, status, label, area place?, section,
/// number.
type ExistingSeat = (i64, Option<String>, String, String, bool, String, i64);

/// Where the places of the event's areas go in a new layout: existing place id → index of the
/// new layout's place. Per area of the new layout (by name): held, sold and blocked places
/// first, each keeping its number while it is within the new capacity, the others (an area
/// shrunk below their number) moved to the lowest numbers left, so an area shrinks as long as
/// its capacity covers what is taken; then free places keep their numbers where still free.
/// A taken place left without a number (the area gone, or smaller than what is taken) is not in
/// the plan: the replace names it and is refused.
fn place_plan(rows: &[ExistingSeat], layout: &Layout) -> std::collections::HashMap<i64, usize> {
    use std::collections::{BTreeSet, HashMap};
    let mut slots: HashMap<&str, HashMap<i64, usize>> = HashMap::new();
    for (i, s) in layout.seats.iter().enumerate().filter(|(_, s)| s.area) {
        slots
            .entry(s.section.as_str())
            .or_default()
            .insert(i64::from(s.number), i);
    }
    let mut plan = HashMap::new();
    for (area, numbers) in &slots {
        let mine: Vec<&ExistingSeat> = rows.iter().filter(|r| r.4 && r.5 == *area).collect();
        let mut open: BTreeSet<i64> = numbers.keys().copied().collect();
        let (taken, free): (Vec<&ExistingSeat>, Vec<&ExistingSeat>) =
            mine.into_iter().partition(|r| r.2 != "available");
        let mut moved = Vec::new();
        for r in &taken {
            if open.remove(&r.6) {
                plan.insert(r.0, numbers[&r.6]);
            } else {
                moved.push(r);
            }
        }
        for r in moved {
            if let Some(n) = open.pop_first() {
                plan.insert(r.0, numbers[&n]);
            }
        }
        for r in free {
            if open.remove(&r.6) {
                plan.insert(r.0, numbers[&r.6]);
            }
        }
    }
    plan
}

/// A layout replaced by one that names seats by external id (a pretix `seat_guid`): seats
/// whose external id is in the new layout are kept — same id, so their holds, reservations and
/// history stay — and moved to their new section, row, label and place; seats not in it are
/// removed, which must all be free (else exit 3 naming them); the new layout's other seats are
/// added. The event row is locked by the caller; on PostgreSQL the seats are locked in id order
/// (the order holds take them) and every kept seat's version is bumped, so a hold read before
/// the move retries against the new layout.
macro_rules! replace_keeping {
    ($tx:ident, $event_id:ident, $layout:ident, $pg:ident) => {{
        let rows: Vec<ExistingSeat> = sqlx::query_as(
            "SELECT id, external_id, status, label, area, section, number FROM seat_state \
             WHERE event_id = $1 ORDER BY id",
        )
        .bind($event_id)
        .fetch_all(&mut *$tx)
        .await?;
        let wanted: std::collections::HashMap<&str, usize> = $layout
            .seats
            .iter()
            .enumerate()
            .filter_map(|(i, s)| s.external_id.as_deref().map(|e| (e, i)))
            .collect();
        // An area's taken places are kept while the area has room for them (see `place_plan`).
        let places = place_plan(&rows, &$layout);
        let mut kept: Vec<(i64, usize)> = Vec::new();
        let mut gone: Vec<i64> = Vec::new();
        let (mut stuck, mut statuses): (Vec<String>, Vec<String>) = (Vec::new(), Vec::new());
        for (id, ext, status, label, area, _, _) in &rows {
            let found = if *area {
                places.get(id)
            } else {
                ext.as_deref().and_then(|e| wanted.get(e))
            };
            match found {
                Some(&i) => kept.push((*id, i)),
                None if status == "available" => gone.push(*id),
                None => {
                    stuck.push(label.clone());
                    statuses.push(status.clone());
                }
            }
        }
        if !stuck.is_empty() {
            // Exit 3 with the seats and their states (JSON `seats`, `statuses`).
            return Ok(Err(Error::WrongState {
                action: "replace the layout: the new one leaves out",
                seats: stuck,
                statuses,
                hint: "give them their external_id in the new layout to keep them (an \
                       area keeps its held, sold and blocked places while its capacity is at \
                       least their number), or release or unblock them first",
            }));
        }
        if $pg {
            sqlx::query("SELECT id FROM seats WHERE event_id = $1 ORDER BY id FOR UPDATE")
                .bind($event_id)
                .execute(&mut *$tx)
                .await?;
        }
        for chunk in gone.chunks(INSERT_CHUNK) {
            let mut qb = QueryBuilder::new("DELETE FROM seats WHERE event_id = ");
            qb.push_bind($event_id)
                .push(" AND ")
                .push(seat_is_free($pg, ""))
                .push(" AND id IN (");
            let mut ids = qb.separated(", ");
            for id in chunk {
                ids.push_bind(*id);
            }
            qb.push(")");
            let removed = qb.build().execute(&mut *$tx).await?.rows_affected();
            if removed != chunk.len() as u64 {
                return Ok(Err(Error::conflict(
                    "cannot replace the layout: seats were held while importing; try again",
                )));
            }
        }
        // Kept seats move in two steps (out of the way, then into place), so two seats that
        // swap labels or numbers never collide on the way.
        for chunk in kept.chunks(INSERT_CHUNK) {
            let mut qb = QueryBuilder::new("UPDATE seats SET label = ");
            qb.push_bind("\u{1}moving-")
                .push(" || id, number = 1000000000000 + id WHERE id IN (");
            let mut ids = qb.separated(", ");
            for (id, _) in chunk {
                ids.push_bind(*id);
            }
            qb.push(")");
            qb.build().execute(&mut *$tx).await?;
        }
        // Then into place, a chunk of seats per statement (VALUES columns are `columnN` on
        // both backends), not a round trip per seat.
        for chunk in kept.chunks(INSERT_CHUNK) {
            let mut qb = QueryBuilder::new(
                "UPDATE seats SET section = v.column2, row_name = v.column3, number = v.column4, \
                 label = v.column5, category = v.column6, attributes = v.column7, \
                 section_pos = v.column8, row_pos = v.column9, seat_pos = v.column10, \
                 version = version + 1 FROM (",
            );
            qb.push_values(chunk, |mut b, (id, i)| {
                let s: &LayoutSeat = &$layout.seats[*i];
                b.push_bind(*id)
                    .push_bind(s.section.clone())
                    .push_bind(s.row.clone())
                    .push_bind(i64::from(s.number))
                    .push_bind(s.label.clone())
                    .push_bind(s.category.clone())
                    .push_bind(s.attributes.to_db())
                    .push_bind(i64::from(s.section_pos))
                    .push_bind(i64::from(s.row_pos))
                    .push_bind(s.seat_pos.map(i64::from));
            });
            qb.push(") AS v WHERE seats.id = v.column1");
            qb.build().execute(&mut *$tx).await?;
        }
        let placed: std::collections::HashSet<usize> = kept.iter().map(|(_, i)| *i).collect();
        let added = Layout {
            areas: Vec::new(),
            seats: $layout
                .seats
                .iter()
                .enumerate()
                .filter(|(i, _)| !placed.contains(i))
                .map(|(_, s)| s.clone())
                .collect(),
        };
        insert_seats!($tx, $event_id, added, $pg);
        ImportReport {
            event_id: $event_id,
            removed: gone.len() as i64,
            imported: added.len() as i64,
            kept: kept.len() as i64,
        }
    }};
}

/// What `event update` changes: `None` leaves a field as it is, `Some(None)` clears it.
#[derive(Debug, Clone, Default)]
pub struct EventChange {
    pub name: Option<String>,
    pub venue: Option<Option<String>>,
    pub starts_at: Option<Option<DateTime<FixedOffset>>>,
}

impl Store {
    /// Creates the event and its seats in one transaction: a failure leaves no half event.
    pub async fn create_event(&self, new: &NewEvent, layout: &Layout) -> Result<Event> {
        let id = Uuid::new_v4();
        let created = with_pool!(self, |pool, pg| {
            async {
                let mut tx = pool.begin().await?;
                let event = sqlx::query_as::<_, EventRow>(
                    "INSERT INTO events (id, name, venue, starts_at, starts_at_offset_s) \
                     VALUES ($1, $2, $3, $4, $5) \
                     RETURNING id, name, venue, starts_at, starts_at_offset_s, created_at, currency",
                )
                .bind(id)
                .bind(&new.name)
                .bind(&new.venue)
                .bind(new.starts_at.map(|t| t.with_timezone(&Utc)))
                .bind(new.starts_at.map(|t| t.offset().local_minus_utc()))
                .fetch_one(&mut *tx)
                .await?;
                let event = Event::from(event);
                insert_seats!(tx, id, layout, pg);
                set_areas!(tx, id, layout);
                super::commit(tx).await?;
                Ok::<_, sqlx::Error>(event)
            }
            .await
        });
        if created.is_ok() {
            self.refresh_statistics(layout.len()).await;
        }
        created.map_err(|e| match db_error(e) {
            Error::Conflict(_) => {
                Error::conflict(format!("an event named `{}` already exists", new.name))
            }
            other => other,
        })
    }

    /// Changes an event's name, venue and/or start (`None`: left as it is; `Some(None)`:
    /// cleared) in one statement, and returns the event as it is now. Errors: exit 3 (another
    /// event has the name), 4 (the event was deleted meanwhile), 7.
    pub async fn update_event(&self, event_id: Uuid, change: &EventChange) -> Result<Event> {
        let updated = with_pool!(self, |pool, _pg| {
            let mut qb = QueryBuilder::new("UPDATE events SET ");
            let mut set = qb.separated(", ");
            if let Some(name) = &change.name {
                set.push("name = ").push_bind_unseparated(name.clone());
            }
            if let Some(venue) = &change.venue {
                set.push("venue = ").push_bind_unseparated(venue.clone());
            }
            if let Some(starts_at) = &change.starts_at {
                set.push("starts_at = ")
                    .push_bind_unseparated(starts_at.map(|t| t.with_timezone(&Utc)));
                set.push("starts_at_offset_s = ")
                    .push_bind_unseparated(starts_at.map(|t| t.offset().local_minus_utc()));
            }
            qb.push(" WHERE id = ").push_bind(event_id).push(
                " RETURNING id, name, venue, starts_at, starts_at_offset_s, created_at, currency",
            );
            qb.build_query_as::<EventRow>().fetch_optional(pool).await
        });
        match updated.map_err(db_error) {
            Ok(Some(row)) => Ok(Event::from(row)),
            Ok(None) => Err(Error::NotFound(format!(
                "event {event_id} (deleted meanwhile)"
            ))),
            Err(Error::Conflict(_)) => Err(Error::conflict(format!(
                "an event named `{}` already exists",
                change.name.as_deref().unwrap_or_default()
            ))),
            Err(e) => Err(e),
        }
    }

    /// Finds an event by id, exact name, or unique name prefix; suggests names on a miss.
    pub async fn find_event(&self, reference: &str) -> Result<Event> {
        let reference = crate::domain::names::nfc(reference.trim());
        let reference = reference.as_str();
        if let Ok(id) = Uuid::parse_str(reference) {
            let found = with_pool!(self, |pool, _pg| {
                sqlx::query_as::<_, EventRow>(
                    "SELECT id, name, venue, starts_at, starts_at_offset_s, created_at, currency FROM events WHERE id = $1",
                )
                .bind(id)
                .fetch_optional(pool)
                .await
            })
            .map_err(db_error)?;
            return found
                .map(Event::from)
                .ok_or_else(|| Error::not_found(format!("no event with id {id}")));
        }
        let candidates = with_pool!(self, |pool, _pg| {
            sqlx::query_as::<_, EventRow>(
                "SELECT id, name, venue, starts_at, starts_at_offset_s, created_at, currency FROM events \
                 WHERE substr(name, 1, length($1)) = $1 ORDER BY name LIMIT 11",
            )
            .bind(reference)
            .fetch_all(pool)
            .await
        })
        .map_err(db_error)?;
        let candidates: Vec<Event> = candidates.into_iter().map(Event::from).collect();
        if let Some(exact) = candidates.iter().find(|e| e.name == reference) {
            return Ok(exact.clone());
        }
        match candidates.len() {
            1 => Ok(candidates.into_iter().next().expect("one candidate")),
            0 => {
                let names = self.event_names().await?;
                // `hamlet` for `Hamlet`: the one name it matches regardless of case, whole or
                // as a prefix.
                let folded = crate::domain::names::fold(reference);
                let alike: Vec<&String> = names
                    .iter()
                    .filter(|n| crate::domain::names::fold(n) == folded)
                    .collect();
                let alike = if alike.is_empty() {
                    names
                        .iter()
                        .filter(|n| crate::domain::names::fold(n).starts_with(&folded))
                        .collect()
                } else {
                    alike
                };
                if alike.len() > 1 {
                    let shown: Vec<&str> = alike.iter().take(10).map(|n| n.as_str()).collect();
                    return Err(Error::invalid(format!(
                        "`{reference}` matches {} events regardless of case ({}); type the name \
                         as it is spelled, or give the id",
                        alike.len(),
                        shown.join(", ")
                    )));
                }
                if let Some(name) = alike.first().map(|n| n.to_string()) {
                    let found = with_pool!(self, |pool, _pg| {
                        sqlx::query_as::<_, EventRow>(
                            "SELECT id, name, venue, starts_at, starts_at_offset_s, created_at, currency FROM events \
                             WHERE name = $1",
                        )
                        .bind(&name)
                        .fetch_optional(pool)
                        .await
                    })
                    .map_err(db_error)?;
                    if let Some(found) = found {
                        return Ok(Event::from(found));
                    }
                }
                let hint = crate::domain::suggest(reference, names.iter().map(String::as_str))
                    .map(|s| format!("; did you mean `{s}`?"))
                    .unwrap_or_default();
                Err(Error::not_found(format!(
                    "no event named `{reference}`{hint}"
                )))
            }
            n => {
                let names: Vec<_> = candidates
                    .iter()
                    .take(10)
                    .map(|e| e.name.as_str())
                    .collect();
                Err(Error::invalid(format!(
                    "`{reference}` matches {}{} events ({}); give more of the name or the id",
                    if n > 10 { "more than " } else { "" },
                    n.min(10),
                    names.join(", ")
                )))
            }
        }
    }

    async fn event_names(&self) -> Result<Vec<String>> {
        with_pool!(self, |pool, _pg| {
            sqlx::query_scalar::<_, String>("SELECT name FROM events ORDER BY name")
                .fetch_all(pool)
                .await
        })
        .map_err(db_error)
    }

    /// Every event with its seat counts (lapsed holds count as available).
    pub async fn list_events(&self) -> Result<Vec<EventListItem>> {
        let rows = with_pool!(self, |pool, _pg| {
            sqlx::query_as::<_, EventCountsRow>(
                "SELECT e.id, e.name, e.venue, e.starts_at, e.starts_at_offset_s, e.created_at, e.currency, \
                   COUNT(s.id) AS total, \
                   COALESCE(SUM(CASE WHEN s.status = 'available' THEN 1 ELSE 0 END), 0) AS available, \
                   COALESCE(SUM(CASE WHEN s.status = 'held' THEN 1 ELSE 0 END), 0) AS held, \
                   COALESCE(SUM(CASE WHEN s.status = 'reserved' THEN 1 ELSE 0 END), 0) AS reserved, \
                   COALESCE(SUM(CASE WHEN s.status = 'blocked' THEN 1 ELSE 0 END), 0) AS blocked \
                 FROM events e LEFT JOIN seat_state s ON s.event_id = e.id \
                 GROUP BY e.id, e.name, e.venue, e.starts_at, e.starts_at_offset_s, e.created_at \
                 ORDER BY e.created_at, e.name",
            )
            .fetch_all(pool)
            .await
        })
        .map_err(db_error)?;
        Ok(rows.into_iter().map(EventListItem::from).collect())
    }

    /// Counts by status overall and per section, sections in layout order.
    pub async fn seat_counts(&self, event_id: Uuid) -> Result<(StatusCounts, Vec<SectionCounts>)> {
        let rows = with_pool!(self, |pool, _pg| {
            sqlx::query_as::<_, (String, i64, String, i64, i64)>(
                "SELECT section, MIN(section_pos) AS pos, status, COUNT(*) AS n, \
                   COUNT(CASE WHEN area THEN 1 END) AS area FROM seat_state \
                 WHERE event_id = $1 GROUP BY section, status ORDER BY pos, section",
            )
            .bind(event_id)
            .fetch_all(pool)
            .await
        })
        .map_err(db_error)?;
        let mut total = StatusCounts::default();
        let mut sections: Vec<SectionCounts> = Vec::new();
        for (section, _pos, status, n, area) in rows {
            let status: SeatStatus = status.parse().map_err(|e: String| anyhow::anyhow!(e))?;
            total.add(status, n);
            match sections.last_mut() {
                Some(last) if last.section == section => last.counts.add(status, n),
                _ => {
                    let mut counts = StatusCounts::default();
                    counts.add(status, n);
                    sections.push(SectionCounts {
                        section,
                        counts,
                        area: area > 0,
                    });
                }
            }
        }
        Ok((total, sections))
    }

    /// Best-available's read of a stadium a few rows at a time: the next `rows` rows (of one
    /// section, or any) in layout order after the row `after` (`(section_pos, row_pos)`;
    /// `(-1, -1)` for the first) that have at least `min_free` free seats (of `category`, when
    /// given: a party of N fits side by side in no row with fewer), with every seat of those
    /// rows (taken seats and other categories too: a row's centre and its stranded seats depend
    /// on them), in layout order. Places of areas are left out. The row keys come from the
    /// `seats_free_by_row` index in order (free and held seats only), so a sold-out front costs
    /// an index walk, not a read of the event. Empty when no row after `after` has a free seat.
    pub async fn seats_of_free_rows(
        &self,
        event_id: Uuid,
        section: Option<&str>,
        category: Option<&str>,
        after: (i64, i64),
        rows: i64,
        min_free: i64,
    ) -> Result<Vec<Seat>> {
        // One round trip: the rows' keys (an index walk), then each row's seats by its section
        // and name (the (event, section, row, number) key). The row count is written into the
        // statement (a number of ours, never user text), so that PostgreSQL keeps one generic
        // plan per row count after its first few runs instead of planning every walk again (a
        // third of the walk's cost); a generic plan with an unknown LIMIT would have been a
        // sequential scan of the event.
        let (rows, min_free) = (rows.max(1), min_free.max(1));
        let found = with_pool!(self, |pool, pg| {
            let mut qb = QueryBuilder::new(format!(
                "SELECT {SEAT_COLUMNS} FROM (SELECT MIN(section) AS section, MIN(row_name) AS row_name \
                 FROM seats WHERE event_id = "
            ));
            qb.push_bind(event_id)
                .push(" AND NOT area AND (section_pos, row_pos) > (")
                .push_bind(after.0)
                .push(", ")
                .push_bind(after.1)
                .push(") AND status IN ('available', 'held') AND ")
                .push(seat_is_free(pg, ""));
            if let Some(section) = section {
                qb.push(" AND section = ").push_bind(section);
            }
            // Rows with room for the party in its category: no row of other seats is read.
            if let Some(category) = category {
                qb.push(" AND category = ").push_bind(category);
            }
            qb.push(" GROUP BY section_pos, row_pos HAVING COUNT(*) >= ")
                .push_bind(min_free)
                .push(format!(" ORDER BY section_pos, row_pos LIMIT {rows}) k "));
            // PostgreSQL: each row's seats by a nested index lookup (LATERAL); SQLite has no
            // LATERAL and plans the join that way by itself.
            if pg {
                qb.push("CROSS JOIN LATERAL (SELECT * FROM seat_state s WHERE s.event_id = ")
                    .push_bind(event_id)
                    .push(" AND s.section = k.section AND s.row_name = k.row_name AND NOT s.area) s");
            } else {
                qb.push("JOIN seat_state s ON s.section = k.section AND s.row_name = k.row_name \
                         WHERE s.event_id = ")
                    .push_bind(event_id)
                    .push(" AND NOT s.area");
            }
            qb.push(" ORDER BY s.section_pos, s.row_pos, COALESCE(s.seat_pos, s.number)");
            qb.build_query_as::<SeatRow>().fetch_all(pool).await
        })
        .map_err(db_error)?;
        Ok(found.into_iter().map(Seat::from).collect())
    }

    /// Holds and reservations whose ids lie between `lo` and `hi` (the ids starting with a
    /// prefix: the rest of `lo` zeros, of `hi` f's), as `(id, "hold" | "reservation")`, at
    /// most `limit`. Both backends order ids byte by byte, so this is a walk of each primary key.
    pub async fn ids_between(&self, lo: Uuid, hi: Uuid, limit: i64) -> Result<Vec<(Uuid, String)>> {
        with_pool!(self, |pool, _pg| {
            sqlx::query_as(
                "SELECT id, kind FROM (SELECT id, 'hold' AS kind FROM holds WHERE id BETWEEN $1 AND $2 \
                 UNION ALL SELECT id, 'reservation' AS kind FROM reservations \
                 WHERE id BETWEEN $1 AND $2) ids ORDER BY id LIMIT $3",
            )
            .bind(lo)
            .bind(hi)
            .bind(limit)
            .fetch_all(pool)
            .await
        })
        .map_err(db_error)
    }

    /// Holds still active and reservations still standing in the event that no simulation made
    /// (a simulated buyer's holder starts with `sim/`): `(holds, reservations)`.
    pub async fn real_sales(&self, event_id: Uuid) -> Result<(i64, i64)> {
        with_pool!(self, |pool, pg| {
            let sql = format!(
                "SELECT \
                 (SELECT COUNT(*) FROM holds WHERE event_id = $1 AND status = 'active' \
                  AND expires_at > {now} AND COALESCE(holder, '') NOT LIKE 'sim/%'), \
                 (SELECT COUNT(*) FROM reservations r JOIN holds h ON h.id = r.hold_id \
                  WHERE r.event_id = $1 AND r.status = 'active' \
                  AND COALESCE(h.holder, '') NOT LIKE 'sim/%')",
                now = now_sql(pg)
            );
            // Only our own dialect's "now" is formatted in; the event is bound.
            sqlx::query_as(sqlx::AssertSqlSafe(sql))
                .bind(event_id)
                .fetch_one(pool)
                .await
        })
        .map_err(db_error)
    }

    /// The event's categories, sorted, each once: of its seats, or (`areas`) of the places of
    /// its general-admission areas.
    pub async fn categories(&self, event_id: Uuid, areas: bool) -> Result<Vec<String>> {
        with_pool!(self, |pool, _pg| {
            sqlx::query_scalar(
                "SELECT DISTINCT category FROM seats \
                 WHERE event_id = $1 AND category IS NOT NULL AND area = $2 ORDER BY category",
            )
            .bind(event_id)
            .bind(areas)
            .fetch_all(pool)
            .await
        })
        .map_err(db_error)
    }

    /// Seats in layout order (section, row, number), optionally filtered.
    pub async fn list_seats(
        &self,
        event_id: Uuid,
        status: Option<SeatStatus>,
        section: Option<&str>,
    ) -> Result<Vec<Seat>> {
        let rows = with_pool!(self, |pool, _pg| {
            sqlx::query_as::<_, SeatRow>(
                "SELECT id, label, section, row_name, number, category, status, hold_id, \
                   reservation_id, held_until, version, block_reason, attributes, section_pos, row_pos, \
                   seat_pos, external_id, area \
                 FROM seat_state \
                 WHERE event_id = $1 AND ($2 IS NULL OR status = $2) AND ($3 IS NULL OR section = $3) \
                 ORDER BY section_pos, row_pos, COALESCE(seat_pos, number)",
            )
            .bind(event_id)
            .bind(status.map(SeatStatus::as_str))
            .bind(section)
            .fetch_all(pool)
            .await
        })
        .map_err(db_error)?;
        Ok(rows.into_iter().map(Seat::from).collect())
    }

    /// The event's seats with these labels (exactly as stored), as [`Store::list_seats`] reads
    /// them, in no particular order; labels it does not have are left out. Read 500 labels a
    /// statement (SQLite refuses expressions of over 1 000 terms).
    pub async fn seats_by_label(&self, event_id: Uuid, labels: &[String]) -> Result<Vec<Seat>> {
        let mut seats = Vec::with_capacity(labels.len());
        for chunk in labels.chunks(500) {
            let rows = with_pool!(self, |pool, _pg| {
                let mut qb = QueryBuilder::new(
                    "SELECT id, label, section, row_name, number, category, status, hold_id, \
                       reservation_id, held_until, version, block_reason, attributes, section_pos, \
                       row_pos, seat_pos, external_id, area \
                     FROM seat_state WHERE event_id = ",
                );
                qb.push_bind(event_id);
                super::dialect::push_labels(&mut qb, chunk);
                qb.build_query_as::<SeatRow>().fetch_all(pool).await
            })
            .map_err(db_error)?;
            seats.extend(rows.into_iter().map(Seat::from));
        }
        Ok(seats)
    }

    /// Up to `limit` available places of a general-admission area, by number from `from`
    /// (wrapping round to the first), so buyers starting at different places spread out.
    pub async fn free_places(
        &self,
        event_id: Uuid,
        area: &str,
        from: i64,
        limit: i64,
    ) -> Result<Vec<String>> {
        let mut found = self
            .places_between(event_id, area, from, i64::MAX, limit)
            .await?;
        let short = limit - found.len() as i64;
        if short > 0 && from > 1 {
            found.extend(self.places_between(event_id, area, 1, from, short).await?);
        }
        Ok(found)
    }

    /// Available places of the area numbered `low..high`, by number, at most `limit`.
    async fn places_between(
        &self,
        event_id: Uuid,
        area: &str,
        low: i64,
        high: i64,
        limit: i64,
    ) -> Result<Vec<String>> {
        with_pool!(self, |pool, _pg| {
            sqlx::query_scalar::<_, String>(
                "SELECT label FROM seat_state WHERE event_id = $1 AND section = $2 AND area \
                 AND status = 'available' AND number >= $3 AND number < $4 \
                 ORDER BY number LIMIT $5",
            )
            .bind(event_id)
            .bind(area)
            .bind(low)
            .bind(high)
            .bind(limit)
            .fetch_all(pool)
            .await
        })
        .map_err(db_error)
    }

    /// Replaces (or sets) an event's layout in one transaction. Refused while any seat is held
    /// or reserved; the delete itself re-checks each seat's state, so a hold that commits
    /// concurrently is never silently dropped.
    pub async fn import_layout(
        &self,
        event_id: Uuid,
        layout: &Layout,
        replace: bool,
    ) -> Result<ImportReport> {
        let outcome = with_pool!(self, |pool, pg| {
            async {
                let mut tx = pool.begin().await?;
                // First statement is a write: it locks the event row on PostgreSQL and takes the
                // write lock up front on SQLite, so concurrent imports queue instead of deadlock.
                let locked = sqlx::query(
                    "UPDATE events SET layout_version = layout_version + 1 WHERE id = $1",
                )
                .bind(event_id)
                .execute(&mut *tx)
                .await?
                .rows_affected();
                if locked == 0 {
                    return Ok(Err(Error::not_found(format!("no event with id {event_id}"))));
                }
                let (existing, held, reserved, blocked) = sqlx::query_as::<_, (i64, i64, i64, i64)>(
                    "SELECT COUNT(*), \
                       COALESCE(SUM(CASE WHEN status = 'held' THEN 1 ELSE 0 END), 0), \
                       COALESCE(SUM(CASE WHEN status = 'reserved' THEN 1 ELSE 0 END), 0), \
                       COALESCE(SUM(CASE WHEN status = 'blocked' THEN 1 ELSE 0 END), 0) \
                     FROM seat_state WHERE event_id = $1",
                )
                .bind(event_id)
                .fetch_one(&mut *tx)
                .await?;
                if existing > 0 && !replace {
                    return Ok(Err(Error::conflict(format!(
                        "the event already has a layout of {existing} seats; pass --replace to replace it"
                    ))));
                }
                // Seats the new layout names by an external id they already carry are kept,
                // with their holds, sales and history, and take the new layout's place.
                // So are an area's places, by label.
                let keyed = layout.seats.iter().any(|s| s.external_id.is_some())
                    || !layout.areas.is_empty();
                if keyed && existing > 0 {
                    let report = replace_keeping!(tx, event_id, layout, pg);
                    set_areas!(tx, event_id, layout);
                    super::commit(tx).await?;
                    return Ok(Ok(report));
                }
                if held + reserved + blocked > 0 {
                    return Ok(Err(Error::conflict(format!(
                        "cannot replace the layout: not all its seats are available ({})",
                        not_available(held, reserved, blocked)
                    ))));
                }
                if pg {
                    // The lock order: seats in id order, as holds take them.
                    let mut qb = QueryBuilder::new("SELECT id FROM seats WHERE event_id = ");
                    qb.push_bind(event_id)
                        .push(" AND ")
                        .push(seat_is_free(pg, ""))
                        .push(" ORDER BY id FOR UPDATE");
                    qb.build().execute(&mut *tx).await?;
                }
                let mut delete = QueryBuilder::new("DELETE FROM seats WHERE event_id = ");
                delete
                    .push_bind(event_id)
                    .push(" AND ")
                    .push(seat_is_free(pg, ""));
                let removed = delete
                    .build()
                    .execute(&mut *tx)
                    .await?
                    .rows_affected() as i64;
                if removed != existing {
                    return Ok(Err(Error::conflict(
                        "cannot replace the layout: seats were held while importing; try again",
                    )));
                }
                insert_seats!(tx, event_id, layout, pg);
                set_areas!(tx, event_id, layout);
                super::commit(tx).await?;
                Ok::<_, sqlx::Error>(Ok(ImportReport {
                    event_id,
                    removed,
                    imported: layout.len() as i64,
                    kept: 0,
                }))
            }
            .await
        });
        let report = outcome.map_err(db_error)??;
        self.refresh_statistics(layout.len()).await;
        Ok(report)
    }

    /// After a big layout is written, the planner's statistics are refreshed (PostgreSQL's
    /// `ANALYZE seats`; SQLite's `PRAGMA optimize`), so its first queries walk the indexes:
    /// with the statistics of an empty table, best-available's row walk took a bitmap scan of
    /// every free seat (50 ms on 100 000 seats) instead of an index walk (0.3 ms), until
    /// autovacuum came by. Best effort: a login that may not analyze the table is skipped
    /// with the server's warning, and nothing fails.
    async fn refresh_statistics(&self, seats: usize) {
        const BIG_LAYOUT: usize = 10_000;
        if seats < BIG_LAYOUT {
            return;
        }
        let refreshed = with_pool!(self, |pool, pg| {
            sqlx::query(if pg {
                "ANALYZE seats"
            } else {
                "PRAGMA optimize"
            })
            .execute(pool)
            .await
            .map(|_| ())
        });
        if let Err(e) = refreshed {
            tracing::debug!(error = %e, "could not refresh the planner's statistics");
        }
    }

    /// Deletes an event with its seats, holds, reservations and history. Unless `force`, refused
    /// while any seat is held or reserved; the guarded DELETE makes the check and the delete one
    /// atomic step.
    pub async fn delete_event(&self, event_id: Uuid, force: bool) -> Result<()> {
        let deleted = with_pool!(self, |pool, pg| {
            async {
                let mut tx = pool.begin().await?;
                if pg {
                    // The lock order every operation follows: reservations, holds, then
                    // seats, each in id order, so the cascade cannot deadlock with a reserve
                    // or release under way.
                    for lock in [
                        "SELECT id FROM reservations WHERE event_id = $1 ORDER BY id FOR UPDATE",
                        "SELECT id FROM holds WHERE event_id = $1 ORDER BY id FOR UPDATE",
                        "SELECT id FROM seats WHERE event_id = $1 ORDER BY id FOR UPDATE",
                    ] {
                        sqlx::query(lock)
                            .bind(event_id)
                            .execute(&mut *tx)
                            .await?;
                    }
                }
                let deleted = sqlx::query(
                    "DELETE FROM events WHERE id = $1 AND ($2 OR NOT EXISTS \
                       (SELECT 1 FROM seat_state s WHERE s.event_id = $1 AND s.status <> 'available'))",
                )
                .bind(event_id)
                .bind(force)
                .execute(&mut *tx)
                .await?
                .rows_affected();
                super::commit(tx).await?;
                Ok::<_, sqlx::Error>(deleted)
            }
            .await
        })
        .map_err(db_error)?;
        if deleted == 1 {
            return Ok(());
        }
        // Either it vanished or it has seats not available: tell which, and how many.
        self.find_event(&event_id.to_string()).await?;
        let (c, _) = self.seat_counts(event_id).await?;
        Err(Error::conflict(format!(
            "the event has seats that are not available ({}); pass --force to delete it anyway",
            not_available(c.held, c.reserved, c.blocked)
        )))
    }
}

/// "2 held, 1 reserved, 3 blocked", leaving out the states with none.
fn not_available(held: i64, reserved: i64, blocked: i64) -> String {
    [(held, "held"), (reserved, "reserved"), (blocked, "blocked")]
        .iter()
        .filter(|(n, _)| *n > 0)
        .map(|(n, what)| format!("{n} {what}"))
        .collect::<Vec<_>>()
        .join(", ")
}
