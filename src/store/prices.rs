//! Prices per category of an event (`seatctl price`), the price of a set of seats, and revenue
//! by section and category (`report`). Amounts are hundredths of `sales.currency`.

use sqlx::QueryBuilder;
use uuid::Uuid;

use super::{Store, db_error, with_pool};
use crate::error::Result;

/// Sets a seat's `sold_price_minor` to its price now (its category's, else the event's
/// default; NULL: none), in the UPDATE that reserves it: what the sale was charged. A macro,
/// so the one-statement reserve of PostgreSQL (`RESERVE_PG`) can `concat!` it too.
macro_rules! sold_price_sql {
    () => {
        "sold_price_minor = COALESCE((SELECT p.price_minor FROM category_prices p \
         WHERE p.event_id = seats.event_id AND p.category = seats.category), \
         (SELECT d.price_minor FROM category_prices d WHERE d.event_id = seats.event_id \
         AND d.category = ''))"
    };
}
pub(super) use sold_price_sql;
pub(super) const SOLD_PRICE: &str = sold_price_sql!();

/// The price of a seat: its category's, else the event's default (category '').
const PRICE_OF_SEAT: &str = "COALESCE(p.price_minor, d.price_minor)";
const PRICE_JOINS: &str = "LEFT JOIN category_prices p ON p.event_id = s.event_id \
     AND p.category = s.category \
     LEFT JOIN category_prices d ON d.event_id = s.event_id AND d.category = ''";

/// Revenue of one section and category: the reserved seats' prices added up, and how many
/// reserved seats have no price.
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct RevenueRow {
    pub section: String,
    pub category: Option<String>,
    pub minor: i64,
    pub unpriced: i64,
}

impl Store {
    /// Sets the price of `category` ('' for the event's default) to `minor`.
    pub async fn set_price(&self, event_id: Uuid, category: &str, minor: i64) -> Result<()> {
        with_pool!(self, |pool, _pg| {
            sqlx::query(
                "INSERT INTO category_prices (event_id, category, price_minor) VALUES ($1, $2, $3) \
                 ON CONFLICT (event_id, category) DO UPDATE SET price_minor = excluded.price_minor",
            )
            .bind(event_id)
            .bind(category)
            .bind(minor)
            .execute(pool)
            .await
            .map(|_| ())
        })
        .map_err(|e| match &e {
            // The event was deleted between finding it and pricing it.
            sqlx::Error::Database(d) if d.is_foreign_key_violation() => {
                crate::error::Error::not_found(format!("event {event_id} (deleted meanwhile)"))
            }
            _ => db_error(e),
        })?;
        Ok(())
    }

    /// Removes the price of `category` ('' for the default); whether there was one.
    pub async fn clear_price(&self, event_id: Uuid, category: &str) -> Result<bool> {
        let done = with_pool!(self, |pool, _pg| {
            sqlx::query("DELETE FROM category_prices WHERE event_id = $1 AND category = $2")
                .bind(event_id)
                .bind(category)
                .execute(pool)
                .await
                .map(|r| r.rows_affected())
        })
        .map_err(db_error)?;
        Ok(done > 0)
    }

    /// The event's prices: (category, '' for the default; hundredths), by category.
    pub async fn prices(&self, event_id: Uuid) -> Result<Vec<(String, i64)>> {
        with_pool!(self, |pool, _pg| {
            sqlx::query_as(
                "SELECT category, price_minor FROM category_prices WHERE event_id = $1 \
                 ORDER BY category",
            )
            .bind(event_id)
            .fetch_all(pool)
            .await
        })
        .map_err(db_error)
    }

    /// What reservation `res_id`'s seats were sold at, added up: (hundredths, seats sold
    /// without a price).
    pub async fn charged(&self, res_id: Uuid) -> Result<(i64, i64)> {
        with_pool!(self, |pool, _pg| {
            sqlx::query_as(
                "SELECT CAST(COALESCE(SUM(sold_price_minor), 0) AS BIGINT), \
                 CAST(COALESCE(SUM(CASE WHEN sold_price_minor IS NULL THEN 1 ELSE 0 END), 0) \
                 AS BIGINT) FROM seats WHERE reservation_id = $1 AND status = 'reserved'",
            )
            .bind(res_id)
            .fetch_one(pool)
            .await
        })
        .map_err(db_error)
    }

    /// Whether some seat or place of the event has no category.
    pub async fn has_uncategorised(&self, event_id: Uuid) -> Result<bool> {
        with_pool!(self, |pool, _pg| {
            sqlx::query_scalar::<_, i64>(
                "SELECT COUNT(*) FROM seats WHERE event_id = $1 AND category IS NULL",
            )
            .bind(event_id)
            .fetch_one(pool)
            .await
        })
        .map(|n| n > 0)
        .map_err(db_error)
    }

    /// The event's currency (set with its first price), if it has one.
    pub async fn event_currency(&self, event_id: Uuid) -> Result<Option<String>> {
        with_pool!(self, |pool, _pg| {
            sqlx::query_scalar::<_, Option<String>>("SELECT currency FROM events WHERE id = $1")
                .bind(event_id)
                .fetch_optional(pool)
                .await
        })
        .map(Option::flatten)
        .map_err(db_error)
    }

    /// Fixes the event's currency to `currency` unless it has one already; returns the one it
    /// has now.
    pub async fn fix_currency(&self, event_id: Uuid, currency: &str) -> Result<String> {
        with_pool!(self, |pool, _pg| {
            sqlx::query("UPDATE events SET currency = $2 WHERE id = $1 AND currency IS NULL")
                .bind(event_id)
                .bind(currency)
                .execute(pool)
                .await
                .map(|_| ())
        })
        .map_err(db_error)?;
        Ok(self
            .event_currency(event_id)
            .await?
            .unwrap_or_else(|| currency.to_string()))
    }

    /// The seats `labels` of the event added up: (hundredths, seats without a price).
    pub async fn price_of_seats(&self, event_id: Uuid, labels: &[String]) -> Result<(i64, i64)> {
        if labels.is_empty() {
            return Ok((0, 0));
        }
        with_pool!(self, |pool, _pg| {
            let mut qb = QueryBuilder::new(format!(
                "SELECT CAST(COALESCE(SUM({PRICE_OF_SEAT}), 0) AS BIGINT), \
                 CAST(COALESCE(SUM(CASE WHEN {PRICE_OF_SEAT} IS NULL THEN 1 ELSE 0 END), 0) AS BIGINT) \
                 FROM seats s {PRICE_JOINS} WHERE s.event_id = "
            ));
            qb.push_bind(event_id).push(" AND s.label IN (");
            let mut list = qb.separated(", ");
            for l in labels {
                list.push_bind(l.clone());
            }
            qb.push(")");
            qb.build_query_as::<(i64, i64)>().fetch_one(pool).await
        })
        .map_err(db_error)
    }

    /// Revenue of the event's reserved seats by section and category, in layout order: what
    /// each was sold at (`sold_price_minor`), whatever the prices are now.
    pub async fn revenue(&self, event_id: Uuid) -> Result<Vec<RevenueRow>> {
        with_pool!(self, |pool, _pg| {
            sqlx::query_as::<_, RevenueRow>(
                "SELECT s.section, s.category, \
                 CAST(COALESCE(SUM(s.sold_price_minor), 0) AS BIGINT) AS minor, \
                 CAST(SUM(CASE WHEN s.sold_price_minor IS NULL THEN 1 ELSE 0 END) AS BIGINT) \
                 AS unpriced FROM seats s WHERE s.event_id = $1 AND s.status = 'reserved' \
                 GROUP BY s.section, s.category ORDER BY MIN(s.section_pos), s.category",
            )
            .bind(event_id)
            .fetch_all(pool)
            .await
        })
        .map_err(db_error)
    }
}
