//! Prices per category (`seatctl price set|clear|list`) and what seats cost (the totals
//! `hold` and `reserve` show, `report`'s revenue). Amounts are hundredths of `sales.currency`.

use serde::Serialize;
use uuid::Uuid;

use super::Session;
use crate::contract::Total;
use crate::domain::money::{Money, parse_amount};
use crate::error::{Error, Result};

/// One price of an event: its category (`None`: the event's default, for seats whose
/// category has no price or that have none) and its price.
#[derive(Debug, Clone, Serialize)]
pub struct PriceItem {
    pub category: Option<String>,
    pub price: Money,
}

/// What `price list` (and `set`, `clear`) print: the event's prices, by category.
#[derive(Debug, Clone, Serialize)]
pub struct PriceList {
    pub event_id: Uuid,
    pub event: String,
    pub currency: String,
    pub prices: Vec<PriceItem>,
    /// Categories of the event with no price of their own.
    pub unpriced_categories: Vec<String>,
}

impl Session {
    fn currency(&self) -> &str {
        &self.settings.config.sales.currency
    }

    /// The event's currency: the one its prices were set in, else `sales.currency`.
    async fn currency_of(&self, event_id: Uuid) -> Result<String> {
        Ok(self
            .store()
            .await?
            .event_currency(event_id)
            .await?
            .unwrap_or_else(|| self.currency().to_string()))
    }

    /// The event's prices. Errors: exit 4 (no such event), 6.
    pub async fn price_list(&self, event: &str) -> Result<PriceList> {
        let store = self.store().await?;
        let event = store.find_event(event).await?;
        let prices = store.prices(event.id).await?;
        let currency = self.currency_of(event.id).await?;
        let mut categories = store.categories(event.id, false).await?;
        categories.extend(store.categories(event.id, true).await?);
        categories.sort();
        categories.dedup();
        if store.has_uncategorised(event.id).await? {
            // Seats and places with no category: only the default prices them.
            categories.push(String::new());
        }
        Ok(PriceList {
            event_id: event.id,
            event: event.name,
            currency: currency.clone(),
            unpriced_categories: categories
                .into_iter()
                .filter(|c| !prices.iter().any(|(p, _)| p == c))
                .map(|c| {
                    if c.is_empty() {
                        "(no category)".into()
                    } else {
                        c
                    }
                })
                .collect(),
            prices: prices
                .into_iter()
                .map(|(category, minor)| PriceItem {
                    category: Some(category).filter(|c| !c.is_empty()),
                    price: Money::new(minor, &currency),
                })
                .collect(),
        })
    }

    /// Sets the price of `category` (`None`: the event's default) to `amount` (`45`, `45.50`).
    /// Errors: exit 2 (not an amount), 4 (no such event or category, with a "did you mean"),
    /// 7 (a login that may not: box office and readonly).
    pub async fn set_price(
        &self,
        event: &str,
        category: Option<&str>,
        amount: &str,
    ) -> Result<PriceList> {
        let minor = parse_amount(amount).map_err(Error::Invalid)?;
        let (event_id, category) = self.price_category(event, category).await?;
        let store = self.store().await?;
        // An event's prices and sales are in one currency: the one its first price was set in.
        let want = self.currency();
        let fixed = store.fix_currency(event_id, want).await?;
        if fixed != want {
            return Err(Error::invalid(format!(
                "this event's prices are in {fixed}, but sales.currency here is {want}: set its \
                 prices with sales.currency = \"{fixed}\" (amounts are never converted)"
            )));
        }
        store.set_price(event_id, &category, minor).await?;
        self.price_list(&event_id.to_string()).await
    }

    /// Removes the price of `category` (`None`: the default); no price there is no error.
    /// Errors: as [`Session::set_price`].
    pub async fn clear_price(&self, event: &str, category: Option<&str>) -> Result<PriceList> {
        let (event_id, category) = self.price_category(event, category).await?;
        self.store().await?.clear_price(event_id, &category).await?;
        self.price_list(&event_id.to_string()).await
    }

    /// The event and the category as stored ('' for the default), checked as `--category`
    /// is everywhere (any case when unambiguous; areas' categories too).
    async fn price_category(&self, event: &str, category: Option<&str>) -> Result<(Uuid, String)> {
        let store = self.store().await?;
        let event = store.find_event(event).await?;
        let category = match category {
            None => String::new(),
            Some(c) if c.trim().is_empty() => {
                return Err(Error::invalid(
                    "--category needs a name; --default prices seats without one",
                ));
            }
            Some(c) => {
                use crate::domain::names;
                let c = names::nfc(c.trim());
                // Seats' categories and areas' alike: as typed, else the one that matches in
                // another case; two alike but for case are never guessed between.
                let mut all = store.categories(event.id, false).await?;
                all.extend(store.categories(event.id, true).await?);
                all.sort();
                all.dedup();
                if all.contains(&c) {
                    c
                } else {
                    match names::folded_alike(&c, all.iter().map(String::as_str)).as_slice() {
                        [one] => one.to_string(),
                        [] => return Err(crate::domain::no_category(&c, &all)),
                        several => return Err(names::ambiguous_case("category", &c, several)),
                    }
                }
            }
        };
        Ok((event.id, category))
    }

    /// What `labels` of the event cost at today's prices (a hold's quote), when the event has
    /// prices at all; `None` otherwise, and when the database does not answer (the hold it
    /// goes with is made: a price that cannot be read must not turn it into an error).
    pub async fn total_of(&self, event_id: Uuid, labels: &[String]) -> Option<Total> {
        self.total_at(event_id, None, labels).await
    }

    /// [`Session::total_of`] for an event read just before: without a currency it has never
    /// had a price, and nothing more is read.
    pub(super) async fn total_at(
        &self,
        event_id: Uuid,
        currency: Option<Option<&str>>,
        labels: &[String],
    ) -> Option<Total> {
        if currency == Some(None) {
            return None;
        }
        let store = self.store().await.ok()?;
        if store.prices(event_id).await.ok()?.is_empty() {
            return None;
        }
        let (minor, unpriced) = store.price_of_seats(event_id, labels).await.ok()?;
        Some(Total {
            price: Money::new(minor, &self.currency_of(event_id).await.ok()?),
            unpriced_seats: unpriced as u64,
        })
    }

    /// What reservation `res_id` was charged (its seats' prices when it was made), when the
    /// event has a currency (has had prices); `None` otherwise or when the database does not
    /// answer, as for [`Session::total_of`].
    pub async fn charged(&self, event_id: Uuid, res_id: Uuid) -> Option<Total> {
        let store = self.store().await.ok()?;
        let currency = store.event_currency(event_id).await.ok()??;
        let (minor, unpriced) = store.charged(res_id).await.ok()?;
        Some(Total {
            price: Money::new(minor, &currency),
            unpriced_seats: unpriced as u64,
        })
    }
}
