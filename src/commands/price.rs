//! `seatctl price set|clear|list`: what a seat of each category costs at an event, in the
//! configured currency (`sales.currency`).

use clap::{Args, Subcommand};

use super::Ctx;
use crate::app::PriceList;
use crate::error::Result;
use crate::output::{Render, Ui};

#[derive(Debug, Subcommand)]
pub enum PriceCommand {
    /// Set the price of a category's seats (or the event's default) to AMOUNT (45, 45.50)
    Set(SetArgs),
    /// Remove a category's price (or the default)
    Clear(WhichArgs),
    /// List the event's prices
    List(ListArgs),
}

#[derive(Debug, Args)]
#[group(id = "which", required = true, multiple = false)]
pub struct Which {
    /// The seat category (any case, as `--category` elsewhere; general-admission areas' too)
    #[arg(long, value_name = "CATEGORY", group = "which")]
    pub category: Option<String>,
    /// The event's default: seats whose category has no price, or that have no category
    #[arg(long, group = "which")]
    pub default: bool,
}

#[derive(Debug, Args)]
pub struct SetArgs {
    /// Event id, name, or unique name prefix
    pub event: String,
    #[command(flatten)]
    pub which: Which,
    /// The price of one seat, in sales.currency: 45, 45.5, 45.50 (at most 2 decimals)
    pub amount: String,
}

#[derive(Debug, Args)]
pub struct WhichArgs {
    /// Event id, name, or unique name prefix
    pub event: String,
    #[command(flatten)]
    pub which: Which,
}

#[derive(Debug, Args)]
pub struct ListArgs {
    /// Event id, name, or unique name prefix
    pub event: String,
}

/// What every `price` command prints (`--json`: the prices as they are now).
#[derive(Debug, serde::Serialize)]
#[serde(transparent)]
pub struct Prices(pub PriceList);

impl Render for Prices {
    fn human(&self, ui: &Ui) -> String {
        let p = &self.0;
        if p.prices.is_empty() {
            return format!(
                "`{}` has no prices: `seatctl price set '{}' --category C AMOUNT` (or --default).\n",
                p.event, p.event
            );
        }
        let mut table = ui.table(&["Category", &format!("Price ({})", p.currency)]);
        for item in &p.prices {
            table.add_row(vec![
                item.category.clone().unwrap_or_else(|| "(default)".into()),
                item.price.amount.clone(),
            ]);
        }
        let mut out = format!("Prices of `{}`:\n{table}\n", p.event);
        if !p.unpriced_categories.is_empty() && !p.prices.iter().any(|i| i.category.is_none()) {
            out.push_str(&format!(
                "No price (no default either): {}.\n",
                p.unpriced_categories.join(", ")
            ));
        }
        out
    }
}

impl PriceCommand {
    /// Errors: exit 2 (a bad amount), 4 (no such event or category), 7 (not an operator).
    pub async fn run(self, ctx: &Ctx) -> Result<Prices> {
        let cat = |w: &Which| w.category.clone().filter(|_| !w.default);
        Ok(Prices(match self {
            PriceCommand::Set(a) => {
                ctx.set_price(&a.event, cat(&a.which).as_deref(), &a.amount)
                    .await?
            }
            PriceCommand::Clear(a) => ctx.clear_price(&a.event, cat(&a.which).as_deref()).await?,
            PriceCommand::List(a) => ctx.price_list(&a.event).await?,
        }))
    }
}
