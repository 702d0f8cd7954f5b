//! `seatctl man [COMMAND]`: the manual page (roff), generated from the same definitions as
//! `--help`, so it never drifts. `seatctl man | man -l -` reads it.

use clap::{Args, CommandFactory};
use serde::Serialize;

use crate::cli::Cli;
use crate::error::{Error, Result};
use crate::output::{Render, Ui};

#[derive(Debug, Args)]
pub struct ManArgs {
    /// A subcommand's page instead of the main one (e.g. `simulate`)
    pub command: Option<String>,
}

#[derive(Debug, Serialize)]
pub struct ManPage {
    pub name: String,
    pub roff: String,
}

impl Render for ManPage {
    fn human(&self, _ui: &Ui) -> String {
        self.roff.clone()
    }
}

impl ManArgs {
    pub fn run(self) -> Result<ManPage> {
        let root = Cli::command();
        let (name, cmd) = match &self.command {
            None => ("seatctl".to_string(), root),
            Some(sub) => {
                let names: Vec<String> = root
                    .get_subcommands()
                    .map(|c| c.get_name().to_string())
                    .collect();
                let found = root.find_subcommand(sub).cloned().ok_or_else(|| {
                    let hint = crate::domain::suggest(sub, names.iter().map(String::as_str))
                        .map(|s| format!("did you mean `{s}`? "))
                        .unwrap_or_default();
                    Error::not_found(format!(
                        "no command `{sub}`; {hint}commands: {}",
                        names.join(", ")
                    ))
                })?;
                (format!("seatctl-{sub}"), found)
            }
        };
        let mut buf = Vec::new();
        clap_mangen::Man::new(cmd)
            .title(name.clone())
            .render(&mut buf)
            .map_err(|e| Error::Internal(anyhow::anyhow!("cannot render the man page: {e}")))?;
        Ok(ManPage {
            name,
            roff: String::from_utf8_lossy(&buf).into_owned(),
        })
    }
}
