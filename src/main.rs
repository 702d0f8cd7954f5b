fn main() -> std::process::ExitCode {
    let cli = match seatctl::Cli::parse_args() {
        Ok(cli) => cli,
        Err(err) => return exit(seatctl::report_parse_error(err)),
    };
    // `serve` sets up its own logs (request lines, text or JSON) once its config is read.
    if !matches!(cli.command, Some(seatctl::cli::Command::Serve(_))) {
        seatctl::init_logging(cli.global.verbose);
    }
    let runtime = match tokio::runtime::Runtime::new() {
        Ok(rt) => rt,
        Err(err) => {
            eprintln!("error: cannot start the async runtime: {err}");
            return exit(1);
        }
    };
    let code = runtime.block_on(seatctl::run(cli));
    // Do not wait for idle pool connections or blocked reads to wind down.
    runtime.shutdown_background();
    exit(code)
}

fn exit(code: i32) -> std::process::ExitCode {
    std::process::ExitCode::from(u8::try_from(code).unwrap_or(1))
}
