//! `seatctl db migrate|status`: the schema, applied and inspected.

use clap::Subcommand;
use serde::Serialize;

use super::Ctx;
use crate::contract::SchemaReport;
use crate::error::Result;
use crate::output::{Render, Ui};

#[derive(Debug, Subcommand)]
pub enum DbCommand {
    /// Apply pending migrations (safe to run repeatedly and concurrently)
    Migrate,
    /// Show which migrations are applied
    Status,
}

#[derive(Debug, Serialize)]
pub struct DbReport {
    pub database: String,
    #[serde(flatten)]
    pub schema: SchemaReport,
    pub up_to_date: bool,
}

impl Render for DbReport {
    fn human(&self, ui: &Ui) -> String {
        let mut out = match (self.schema.newly_applied.len(), self.up_to_date) {
            (0, true) => format!("{} is up to date.\n", self.database),
            (0, false) => format!(
                "{} needs migrating: run `seatctl db migrate`.\n",
                self.database
            ),
            (n, _) => format!(
                "Applied {n} migration{} to {}.\n",
                if n == 1 { "" } else { "s" },
                self.database
            ),
        };
        let mut table = ui.table(&["Version", "Description", "Applied"]);
        for m in &self.schema.migrations {
            table.add_row(vec![
                m.version.to_string(),
                m.description.clone(),
                if m.applied { "yes" } else { "no" }.to_string(),
            ]);
        }
        out.push_str(&format!("{table}\n"));
        out
    }
}

impl DbCommand {
    pub async fn run(self, ctx: &Ctx) -> Result<DbReport> {
        let schema = match self {
            DbCommand::Migrate => ctx.migrate().await?,
            DbCommand::Status => ctx.schema_status().await?,
        };
        Ok(DbReport {
            database: ctx.settings.database.to_string(),
            up_to_date: schema.migrations.iter().all(|m| m.applied),
            schema,
        })
    }
}
