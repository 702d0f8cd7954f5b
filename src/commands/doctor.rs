//! `seatctl doctor`: which config, database and Redis this terminal would use, and whether
//! each answers. Exits 6 when something the configuration needs is unreachable.

use clap::Args;
use serde::Serialize;

use super::Ctx;
use crate::config::{Strategy, redact_url};
use crate::error::ExitCode;
use crate::output::{Render, Ui};

#[derive(Debug, Args)]
pub struct DoctorArgs {}

#[derive(Debug, Serialize)]
pub struct Check {
    pub target: String,
    pub ok: bool,
    /// Round trip of the check, in milliseconds.
    pub latency_ms: Option<f64>,
    pub detail: String,
    /// Whether the connection is encrypted (TLS); null when it could not be checked, and for
    /// SQLite (a local file).
    pub encrypted: Option<bool>,
}

#[derive(Debug, Serialize)]
pub struct Doctor {
    pub config_file: Option<String>,
    pub strategy: Strategy,
    pub database: Check,
    pub redis: Check,
    /// Redis is needed only by the `redis` strategy.
    pub redis_required: bool,
    pub ok: bool,
    #[serde(skip)]
    code: ExitCode,
}

impl Render for Doctor {
    /// Doctor reports even when checks fail; a failed check that matters sets the exit code.
    fn exit_code(&self) -> ExitCode {
        self.code
    }

    fn human(&self, ui: &Ui) -> String {
        let mut table = ui.table(&["Check", "Target", "Status", "Detail"]);
        let status = |c: &Check| match (c.ok, c.latency_ms) {
            (true, Some(ms)) => format!("ok ({ms:.1} ms)"),
            (true, None) => "ok".into(),
            (false, _) => "FAILED".into(),
        };
        table.add_row(vec![
            "config".to_string(),
            self.config_file
                .clone()
                .unwrap_or_else(|| "(none: defaults)".into()),
            "ok".into(),
            format!("strategy {}", self.strategy),
        ]);
        for (name, c) in [("database", &self.database), ("redis", &self.redis)] {
            table.add_row(vec![
                name.to_string(),
                c.target.clone(),
                status(c),
                c.detail.clone(),
            ]);
        }
        let verdict = if self.ok {
            "Everything this configuration needs answers."
        } else {
            "Something this configuration needs is not ready (see above)."
        };
        format!("{table}\n{verdict}\n")
    }
}

impl DoctorArgs {
    pub async fn run(self, ctx: &Ctx) -> Doctor {
        let s = &ctx.settings;
        let (database, db_code) = match ctx.check_database().await {
            Ok((backend, took, encrypted)) => (
                Check {
                    target: s.database.to_string(),
                    ok: true,
                    latency_ms: Some(took.as_secs_f64() * 1000.0),
                    detail: format!(
                        "{backend}, schema up to date{}",
                        match encrypted {
                            Some(true) => ", TLS",
                            Some(false) => ", not encrypted",
                            None => "",
                        }
                    ),
                    encrypted,
                },
                ExitCode::Success,
            ),
            Err(e) => (
                Check {
                    target: s.database.to_string(),
                    ok: false,
                    latency_ms: None,
                    detail: e.to_string(),
                    encrypted: None,
                },
                e.exit_code(),
            ),
        };
        let redis_required = s.strategy == Strategy::Redis;
        let (redis, redis_code) = match ctx.check_redis().await {
            Ok(rtt) => (
                Check {
                    target: redact_url(&s.redis_url),
                    ok: true,
                    latency_ms: Some(rtt.as_secs_f64() * 1000.0),
                    detail: if s.redis_url.ends_with("#insecure") {
                        "PING answered, TLS, certificate NOT verified (#insecure)".into()
                    } else if s.redis_url.starts_with("rediss://") {
                        "PING answered, TLS".into()
                    } else {
                        "PING answered, not encrypted".into()
                    },
                    encrypted: Some(s.redis_url.starts_with("rediss://")),
                },
                ExitCode::Success,
            ),
            Err(e) => {
                let code = if redis_required {
                    e.exit_code()
                } else {
                    ExitCode::Success
                };
                let detail = if redis_required {
                    e.to_string()
                } else {
                    format!("{e} (not needed by the occ strategy)")
                };
                (
                    Check {
                        target: redact_url(&s.redis_url),
                        ok: false,
                        latency_ms: None,
                        detail,
                        encrypted: None,
                    },
                    code,
                )
            }
        };
        let code = if db_code != ExitCode::Success {
            db_code
        } else {
            redis_code
        };
        Doctor {
            config_file: s.config_path.as_ref().map(|p| p.display().to_string()),
            strategy: s.strategy,
            ok: code == ExitCode::Success,
            database,
            redis,
            redis_required,
            code,
        }
    }
}
