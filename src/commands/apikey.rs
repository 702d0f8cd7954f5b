//! `seatctl apikey create|list|revoke`: who may call `seatctl serve`, and with which role.

use clap::{Args, Subcommand};

use super::Ctx;
use crate::app::ApiRole;
use crate::contract::{ApiKeyCreated, ApiKeyInfo};
use crate::error::Result;
use crate::output::{Render, Ui};

#[derive(Debug, Subcommand)]
pub enum ApiKeyCommand {
    /// Make a key for one caller (a kiosk, a web shop); it is printed this once
    Create(CreateArgs),
    /// List the keys (never the keys themselves: their first characters)
    List,
    /// Revoke a key by name: requests with it are refused from now on
    Revoke(RevokeArgs),
}

#[derive(Debug, Args)]
pub struct CreateArgs {
    /// The caller's name, recorded in the history as "by" for every change it makes
    #[arg(long)]
    pub name: String,
    /// operator: everything; box-office: sell (hold, extend, reserve, release) and read;
    /// readonly: read
    #[arg(long, value_parser = clap::builder::PossibleValuesParser::new(ApiRole::NAMES))]
    pub role: String,
    /// Print only the key (for `key=$(seatctl apikey create …)`)
    #[arg(long, short)]
    pub quiet: bool,
}

#[derive(Debug, Args)]
pub struct RevokeArgs {
    /// The key's name
    pub name: String,
}

/// What an `apikey` command prints.
#[derive(Debug, serde::Serialize)]
#[serde(untagged)]
pub enum ApiKeys {
    Created(ApiKeyCreated),
    /// `create --quiet`: only the key.
    #[serde(skip)]
    KeyOnly(String),
    Listed(Vec<ApiKeyInfo>),
    Revoked(ApiKeyInfo),
}

impl Render for ApiKeys {
    fn human(&self, ui: &Ui) -> String {
        match self {
            ApiKeys::Created(c) => format!(
                "API key `{}` ({}) created. It is shown this once; keep it secret:\n\n{}\n\n\
                 Call with: Authorization: Bearer <key>\n",
                c.info.name, c.info.role, c.key
            ),
            ApiKeys::KeyOnly(key) => format!("{key}\n"),
            ApiKeys::Listed(keys) if keys.is_empty() => {
                "No API keys: `seatctl apikey create --name NAME --role box-office`.\n".into()
            }
            ApiKeys::Listed(keys) => {
                let mut table = ui.table(&["Name", "Role", "Key", "Created", "By", "Revoked"]);
                for k in keys {
                    table.add_row(vec![
                        k.name.clone(),
                        k.role.clone(),
                        format!("{}…", k.prefix),
                        ui.time(&k.created_at),
                        k.created_by.clone().unwrap_or_default(),
                        k.revoked_at.map(|t| ui.time(&t)).unwrap_or_default(),
                    ]);
                }
                format!("{table}\n")
            }
            ApiKeys::Revoked(k) => format!(
                "API key `{}` ({}…) revoked: requests with it are refused from now on.\n",
                k.name, k.prefix
            ),
        }
    }
}

impl ApiKeyCommand {
    /// Errors: exit 2 (a bad name), 3 (an active key has the name), 4 (revoke: no such
    /// key), 6, 7 (the database login may not write keys).
    pub async fn run(self, ctx: &Ctx) -> Result<ApiKeys> {
        Ok(match self {
            ApiKeyCommand::Create(a) => {
                if a.quiet {
                    crate::output::Quiet::allowed(&ctx.ui)?;
                }
                let made = ctx.create_api_key(&a.name, a.role.parse()?).await?;
                if a.quiet {
                    ApiKeys::KeyOnly(made.key)
                } else {
                    ApiKeys::Created(made)
                }
            }
            ApiKeyCommand::List => ApiKeys::Listed(ctx.list_api_keys().await?),
            ApiKeyCommand::Revoke(a) => ApiKeys::Revoked(ctx.revoke_api_key(&a.name).await?),
        })
    }
}
