//! `seatctl serve`: the HTTP API (see `server/`).

use std::net::SocketAddr;

use clap::Args;

use super::Ctx;
use crate::config::LogFormat;
use crate::error::{Error, Result};
use crate::output::{Render, Ui};
use crate::server::{ServeOptions, Served};

#[derive(Debug, Args)]
pub struct ServeArgs {
    /// Address to listen on, like 127.0.0.1:8080 or [::]:8080 (port 0: any free port)
    /// [default: server.listen]
    #[arg(long, value_name = "ADDR")]
    pub listen: Option<SocketAddr>,
    /// Request logs on stderr: text, or json (one object per line) [default: server.log_format]
    #[arg(long, value_enum)]
    pub log_format: Option<LogFormat>,
}

impl Render for Served {
    fn human(&self, _ui: &Ui) -> String {
        if self.drained {
            format!(
                "stopped serving on {}: every request in flight finished\n",
                self.listen
            )
        } else {
            format!(
                "stopped serving on {}: some requests were still running after \
                 server.shutdown_timeout\n",
                self.listen
            )
        }
    }
}

impl ServeArgs {
    /// Serves until SIGTERM or Ctrl-C. Errors: exit 2 (bad address, or it is taken), 6 (a
    /// backend is down at start).
    pub async fn run(self, ctx: &Ctx) -> Result<Served> {
        let cfg = ctx.settings.config.server.clone();
        let listen = match self.listen {
            Some(a) => a,
            None => cfg.listen.parse().map_err(|_| {
                Error::invalid(format!("server.listen `{}` is not an address", cfg.listen))
            })?,
        };
        crate::init_server_logging(
            self.log_format.unwrap_or(cfg.log_format),
            ctx.settings.verbose,
        );
        let opts = ServeOptions {
            listen,
            key_cache: cfg.api_key_cache.0,
            config: cfg,
        };
        crate::server::serve(ctx.app.acting_as(&ctx.settings.operator), opts).await
    }
}
