//! Blocking seats (house seats, broken seats, camera positions) and unblocking them: a state
//! change like any other, all or nothing, version-guarded, recorded in the history with the
//! reason as the row's note.

use sqlx::QueryBuilder;
use uuid::Uuid;

use super::dialect::{begin_sql, push_labels};
use super::{Actor, Attempt, Store, db_error, with_pool};
use crate::contract::BlockChange;
use crate::error::{Error, Result};

impl Store {
    /// One attempt to block (`block`) or unblock the listed seats. Blocking needs each seat
    /// available (a lapsed hold counts) or already blocked; unblocking needs each blocked or
    /// already available. Anything else is a conflict naming the seats (exit 3).
    pub async fn try_set_blocked(
        &self,
        event_id: Uuid,
        labels: &[String],
        block: bool,
        reason: Option<&str>,
        actor: &Actor,
    ) -> Result<Attempt<BlockChange>> {
        let (target, other) = if block {
            ("blocked", "available")
        } else {
            ("available", "blocked")
        };
        let outcome = with_pool!(self, |pool, pg| {
            async {
                let mut tx = pool.begin_with(begin_sql(pg)).await?;
                let mut qb = QueryBuilder::new(
                    "SELECT id, label, status, version FROM seat_state WHERE event_id = ",
                );
                qb.push_bind(event_id);
                push_labels(&mut qb, labels);
                let found: Vec<(i64, String, String, i64)> =
                    qb.build_query_as().fetch_all(&mut *tx).await?;
                if let Some(e) = Error::unknown_seats(labels, found.iter().map(|f| f.1.as_str())) {
                    return Ok::<_, sqlx::Error>(Err(e));
                }
                let wrong: Vec<&(i64, String, String, i64)> = found
                    .iter()
                    .filter(|f| f.2 != target && f.2 != other)
                    .collect();
                if !wrong.is_empty() {
                    return Ok(Err(Error::WrongState {
                        action: if block { "block" } else { "unblock" },
                        seats: wrong.iter().map(|f| f.1.clone()).collect(),
                        statuses: wrong.iter().map(|f| f.2.clone()).collect(),
                        hint: if block {
                            "release them first"
                        } else {
                            "they are not blocked"
                        },
                    }));
                }
                let todo: Vec<&(i64, String, String, i64)> =
                    found.iter().filter(|f| f.2 == other).collect();
                let unchanged: Vec<String> = labels
                    .iter()
                    .filter(|l| found.iter().any(|f| &f.1 == *l && f.2 == target))
                    .cloned()
                    .collect();
                let mut changed: Vec<(i64, String)> = Vec::new();
                if !todo.is_empty() {
                    if pg {
                        // The lock order: seats in id order, as every other operation takes them.
                        let mut qb = QueryBuilder::new("SELECT id FROM seats WHERE id IN (");
                        let mut ids = qb.separated(", ");
                        for (id, ..) in &todo {
                            ids.push_bind(*id);
                        }
                        qb.push(") ORDER BY id FOR UPDATE");
                        qb.build().execute(&mut *tx).await?;
                    }
                    // A lapsed hold still on the row is cleared with it. A chunk of seats per
                    // statement: SQLite refuses an expression deeper than 1 000 terms.
                    for chunk in todo.chunks(200) {
                        let mut qb = QueryBuilder::new("UPDATE seats SET status = ");
                        qb.push_bind(target)
                            .push(", block_reason = ")
                            .push_bind(if block {
                                reason.map(str::to_string)
                            } else {
                                None
                            })
                            .push(
                                ", hold_id = NULL, held_until = NULL, version = version + 1 \
                                 WHERE event_id = ",
                            )
                            .push_bind(event_id)
                            .push(" AND (");
                        for (i, (id, _, _, version)) in chunk.iter().enumerate() {
                            if i > 0 {
                                qb.push(" OR ");
                            }
                            qb.push("(id = ")
                                .push_bind(*id)
                                .push(" AND version = ")
                                .push_bind(*version)
                                .push(" AND (status = ")
                                .push_bind(other)
                                .push(" OR status = 'held'))");
                        }
                        qb.push(") RETURNING id, label");
                        let done: Vec<(i64, String)> =
                            qb.build_query_as().fetch_all(&mut *tx).await?;
                        if done.len() != chunk.len() {
                            tx.rollback().await?;
                            return Ok(Ok(Attempt::LostRace));
                        }
                        changed.extend(done);
                    }
                    for rows in changed.chunks(1000) {
                        let mut qb = QueryBuilder::new(
                            "INSERT INTO seat_history (event_id, seat_id, seat_label, from_status, \
                             to_status, actor, terminal, note) ",
                        );
                        qb.push_values(rows.iter(), |mut b, (id, label)| {
                            b.push_bind(event_id)
                                .push_bind(*id)
                                .push_bind(label.clone())
                                .push_bind(other)
                                .push_bind(target)
                                .push_bind(actor.who.clone())
                                .push_bind(actor.terminal.clone())
                                .push_bind(reason.map(str::to_string));
                        });
                        qb.build().execute(&mut *tx).await?;
                    }
                }
                super::commit(tx).await?;
                Ok(Ok(Attempt::Done(BlockChange {
                    event_id,
                    status: target,
                    changed: changed.into_iter().map(|(_, l)| l).collect(),
                    unchanged,
                    reason: if block {
                        reason.map(str::to_string)
                    } else {
                        None
                    },
                })))
            }
            .await
        });
        outcome.map_err(db_error)?
    }
}
