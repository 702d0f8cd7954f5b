//! `seatctl db migrate|status|roles`: the schema, applied and inspected, and the
//! least-privilege PostgreSQL roles.

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
    /// Print (or with --apply, create) least-privilege PostgreSQL roles: PREFIXoperator,
    /// PREFIXbox_office, PREFIXreadonly (grant them to logins)
    Roles(RolesArgs),
}

#[derive(Debug, clap::Args)]
pub struct RolesArgs {
    /// Run the SQL (as the schema's owner or a superuser) instead of printing it
    #[arg(long)]
    pub apply: bool,
    /// The roles' names start with this
    #[arg(long, default_value = "seatctl_", value_name = "PREFIX")]
    pub prefix: String,
}

/// The roles' SQL, printed or applied.
#[derive(Debug, Serialize)]
pub struct RolesReport {
    pub roles: Vec<String>,
    pub applied: bool,
    pub sql: String,
}

impl Render for RolesReport {
    fn human(&self, _ui: &Ui) -> String {
        if self.applied {
            format!(
                "Created or updated the roles {} (grant them to logins: GRANT {} TO alice;). \
                 Apply again after `seatctl db migrate`.\n",
                self.roles.join(", "),
                self.roles[1]
            )
        } else {
            format!(
                "-- seatctl's least-privilege roles; run as the schema's owner (or `seatctl db \
                 roles --apply`), again after each migration.\n{}\n",
                self.sql
            )
        }
    }
}

#[derive(Debug, Serialize)]
pub struct DbReport {
    pub database: String,
    #[serde(flatten)]
    pub schema: SchemaReport,
    pub up_to_date: bool,
}

impl Render for DbReport {
    /// Migrations pending: exit 2, as `doctor` says it (the report is still printed).
    fn exit_code(&self) -> crate::error::ExitCode {
        if self.up_to_date {
            crate::error::ExitCode::Success
        } else {
            crate::error::ExitCode::Usage
        }
    }

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
    pub async fn run(self, ctx: &Ctx) -> Result<Box<dyn crate::output::Report>> {
        let schema = match self {
            DbCommand::Migrate => ctx.migrate().await?,
            DbCommand::Status => ctx.schema_status().await?,
            DbCommand::Roles(args) => {
                let (roles, sql) = ctx.roles(&args.prefix, args.apply).await?;
                return Ok(Box::new(RolesReport {
                    roles,
                    applied: args.apply,
                    sql,
                }));
            }
        };
        Ok(Box::new(DbReport {
            database: ctx.settings.database.to_string(),
            up_to_date: schema.migrations.iter().all(|m| m.applied),
            schema,
        }))
    }
}
