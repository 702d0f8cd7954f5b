
using namespace System.Management.Automation
using namespace System.Management.Automation.Language

Register-ArgumentCompleter -Native -CommandName 'seatctl' -ScriptBlock {
    param($wordToComplete, $commandAst, $cursorPosition)

    $commandElements = $commandAst.CommandElements
    $command = @(
        'seatctl'
        for ($i = 1; $i -lt $commandElements.Count; $i++) {
            $element = $commandElements[$i]
            if ($element -isnot [StringConstantExpressionAst] -or
                $element.StringConstantType -ne [StringConstantType]::BareWord -or
                $element.Value.StartsWith('-') -or
                $element.Value -eq $wordToComplete) {
                break
        }
        $element.Value
    }) -join ';'

    $completions = @(switch ($command) {
        'seatctl' {
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file [default: ./seatctl.toml, else <config dir>/seatctl/config.toml]')
            [CompletionResult]::new('--database-url', '--database-url', [CompletionResultType]::ParameterName, 'Database: postgres://USER@HOST/DB or sqlite://PATH [default: embedded SQLite in the data dir]')
            [CompletionResult]::new('--redis-url', '--redis-url', [CompletionResultType]::ParameterName, 'Redis, for the `redis` strategy [default: redis://127.0.0.1:6379]')
            [CompletionResult]::new('--strategy', '--strategy', [CompletionResultType]::ParameterName, 'Concurrency strategy for seat changes [default: occ]; `all` only for `simulate`')
            [CompletionResult]::new('--operator', '--operator', [CompletionResultType]::ParameterName, 'Who works at this terminal, recorded in the history as "by" [default: config terminal.operator, else the login name]')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print exactly one JSON document on stdout (errors as JSON on stderr)')
            [CompletionResult]::new('--no-color', '--no-color', [CompletionResultType]::ParameterName, 'Never use colour (also honoured: NO_COLOR, TERM=dumb)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Log what seatctl does on stderr: -v tries, retries, lock waits and lost races; -vv also every SQL statement with its time (RUST_LOG, e.g. seatctl=debug,sqlx=debug, overrides)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Log what seatctl does on stderr: -v tries, retries, lock waits and lost races; -vv also every SQL statement with its time (RUST_LOG, e.g. seatctl=debug,sqlx=debug, overrides)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('event', 'event', [CompletionResultType]::ParameterValue, 'Create, list, show, update and delete events')
            [CompletionResult]::new('layout', 'layout', [CompletionResultType]::ParameterValue, 'Import seat layouts (CSV, TOML or JSON)')
            [CompletionResult]::new('seats', 'seats', [CompletionResultType]::ParameterValue, 'List an event''s seats, optionally filtered by status or section')
            [CompletionResult]::new('box-office', 'box-office', [CompletionResultType]::ParameterValue, 'Sell at a terminal: pick seats on the map, hold, reserve, refund (interactive)')
            [CompletionResult]::new('map', 'map', [CompletionResultType]::ParameterValue, 'Draw an event''s seat map')
            [CompletionResult]::new('watch', 'watch', [CompletionResultType]::ParameterValue, 'Watch an event''s seats change live: a map redrawn on every change, or JSON lines')
            [CompletionResult]::new('hold', 'hold', [CompletionResultType]::ParameterValue, 'Hold seats for a limited time, all or nothing')
            [CompletionResult]::new('extend', 'extend', [CompletionResultType]::ParameterValue, 'Extend an active hold')
            [CompletionResult]::new('reserve', 'reserve', [CompletionResultType]::ParameterValue, 'Turn every seat of an active hold into a reservation')
            [CompletionResult]::new('release', 'release', [CompletionResultType]::ParameterValue, 'Release a hold or a reservation, returning its seats to sale')
            [CompletionResult]::new('sweep', 'sweep', [CompletionResultType]::ParameterValue, 'Mark lapsed holds expired and tidy their seats (reads never depend on it)')
            [CompletionResult]::new('block', 'block', [CompletionResultType]::ParameterValue, 'Take seats out of sale (house seats, broken seats, camera positions)')
            [CompletionResult]::new('unblock', 'unblock', [CompletionResultType]::ParameterValue, 'Put blocked seats back on sale')
            [CompletionResult]::new('history', 'history', [CompletionResultType]::ParameterValue, 'Show the audit trail of seat changes')
            [CompletionResult]::new('reservations', 'reservations', [CompletionResultType]::ParameterValue, 'List an event''s reservations, by customer, reference or status')
            [CompletionResult]::new('holds', 'holds', [CompletionResultType]::ParameterValue, 'List an event''s holds, by holder or status')
            [CompletionResult]::new('price', 'price', [CompletionResultType]::ParameterValue, 'Prices per seat category, in the configured currency: set, clear, list')
            [CompletionResult]::new('db', 'db', [CompletionResultType]::ParameterValue, 'Database schema: migrate and status')
            [CompletionResult]::new('demo', 'demo', [CompletionResultType]::ParameterValue, 'Create a demo event from the example layout and show its map')
            [CompletionResult]::new('doctor', 'doctor', [CompletionResultType]::ParameterValue, 'Check the config, database and Redis this terminal would use')
            [CompletionResult]::new('report', 'report', [CompletionResultType]::ParameterValue, 'Sales by section, category and status; holds about to lapse; sales over time')
            [CompletionResult]::new('export', 'export', [CompletionResultType]::ParameterValue, 'Every seat with its status, holder and reservation reference (CSV or JSON)')
            [CompletionResult]::new('simulate', 'simulate', [CompletionResultType]::ParameterValue, 'Race simulated buyers for seats, report throughput and latency, audit the result')
            [CompletionResult]::new('serve', 'serve', [CompletionResultType]::ParameterValue, 'Serve the HTTP API (JSON under /v1, OpenAPI at /openapi.json, Swagger UI at /api)')
            [CompletionResult]::new('apikey', 'apikey', [CompletionResultType]::ParameterValue, 'API keys for `seatctl serve`: create, list, revoke')
            [CompletionResult]::new('audit', 'audit', [CompletionResultType]::ParameterValue, 'Check an event for double bookings and records that disagree (exit 10 if any)')
            [CompletionResult]::new('completions', 'completions', [CompletionResultType]::ParameterValue, 'Print a shell completion script')
            [CompletionResult]::new('man', 'man', [CompletionResultType]::ParameterValue, 'Print the manual page (roff): `seatctl man | man -l -`')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'seatctl;event' {
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file [default: ./seatctl.toml, else <config dir>/seatctl/config.toml]')
            [CompletionResult]::new('--database-url', '--database-url', [CompletionResultType]::ParameterName, 'Database: postgres://USER@HOST/DB or sqlite://PATH [default: embedded SQLite in the data dir]')
            [CompletionResult]::new('--redis-url', '--redis-url', [CompletionResultType]::ParameterName, 'Redis, for the `redis` strategy [default: redis://127.0.0.1:6379]')
            [CompletionResult]::new('--strategy', '--strategy', [CompletionResultType]::ParameterName, 'Concurrency strategy for seat changes [default: occ]; `all` only for `simulate`')
            [CompletionResult]::new('--operator', '--operator', [CompletionResultType]::ParameterName, 'Who works at this terminal, recorded in the history as "by" [default: config terminal.operator, else the login name]')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print exactly one JSON document on stdout (errors as JSON on stderr)')
            [CompletionResult]::new('--no-color', '--no-color', [CompletionResultType]::ParameterName, 'Never use colour (also honoured: NO_COLOR, TERM=dumb)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Log what seatctl does on stderr: -v tries, retries, lock waits and lost races; -vv also every SQL statement with its time (RUST_LOG, e.g. seatctl=debug,sqlx=debug, overrides)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Log what seatctl does on stderr: -v tries, retries, lock waits and lost races; -vv also every SQL statement with its time (RUST_LOG, e.g. seatctl=debug,sqlx=debug, overrides)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('create', 'create', [CompletionResultType]::ParameterValue, 'Create an event with its seats (a general-admission count or a layout file)')
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List events with their seat counts')
            [CompletionResult]::new('show', 'show', [CompletionResultType]::ParameterValue, 'Show an event with its seat counts by status and by section')
            [CompletionResult]::new('update', 'update', [CompletionResultType]::ParameterValue, 'Rename an event, move its start or change its venue')
            [CompletionResult]::new('delete', 'delete', [CompletionResultType]::ParameterValue, 'Delete an event with its seats, holds, reservations and history')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'seatctl;event;create' {
            [CompletionResult]::new('--name', '--name', [CompletionResultType]::ParameterName, 'Event name, unique; commands accept it (or a unique prefix) wherever an EVENT is asked')
            [CompletionResult]::new('--starts-at', '--starts-at', [CompletionResultType]::ParameterName, 'Start time, RFC 3339 (e.g. 2026-12-31T20:00:00+01:00)')
            [CompletionResult]::new('--venue', '--venue', [CompletionResultType]::ParameterName, 'Venue name')
            [CompletionResult]::new('--seats', '--seats', [CompletionResultType]::ParameterName, 'One section of N seats labelled 1..N')
            [CompletionResult]::new('--layout', '--layout', [CompletionResultType]::ParameterName, 'A layout file (.csv, .toml, .json, or a pretix plan); see the README for the formats')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'The layout file''s format [default: by its extension; a .json with `zones` is a pretix plan]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file [default: ./seatctl.toml, else <config dir>/seatctl/config.toml]')
            [CompletionResult]::new('--database-url', '--database-url', [CompletionResultType]::ParameterName, 'Database: postgres://USER@HOST/DB or sqlite://PATH [default: embedded SQLite in the data dir]')
            [CompletionResult]::new('--redis-url', '--redis-url', [CompletionResultType]::ParameterName, 'Redis, for the `redis` strategy [default: redis://127.0.0.1:6379]')
            [CompletionResult]::new('--strategy', '--strategy', [CompletionResultType]::ParameterName, 'Concurrency strategy for seat changes [default: occ]; `all` only for `simulate`')
            [CompletionResult]::new('--operator', '--operator', [CompletionResultType]::ParameterName, 'Who works at this terminal, recorded in the history as "by" [default: config terminal.operator, else the login name]')
            [CompletionResult]::new('--if-not-exists', '--if-not-exists', [CompletionResultType]::ParameterName, 'If an event with this name exists, report it (exit 0) instead of failing with exit 3')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only the event''s id')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only the event''s id')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print exactly one JSON document on stdout (errors as JSON on stderr)')
            [CompletionResult]::new('--no-color', '--no-color', [CompletionResultType]::ParameterName, 'Never use colour (also honoured: NO_COLOR, TERM=dumb)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Log what seatctl does on stderr: -v tries, retries, lock waits and lost races; -vv also every SQL statement with its time (RUST_LOG, e.g. seatctl=debug,sqlx=debug, overrides)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Log what seatctl does on stderr: -v tries, retries, lock waits and lost races; -vv also every SQL statement with its time (RUST_LOG, e.g. seatctl=debug,sqlx=debug, overrides)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'seatctl;event;list' {
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file [default: ./seatctl.toml, else <config dir>/seatctl/config.toml]')
            [CompletionResult]::new('--database-url', '--database-url', [CompletionResultType]::ParameterName, 'Database: postgres://USER@HOST/DB or sqlite://PATH [default: embedded SQLite in the data dir]')
            [CompletionResult]::new('--redis-url', '--redis-url', [CompletionResultType]::ParameterName, 'Redis, for the `redis` strategy [default: redis://127.0.0.1:6379]')
            [CompletionResult]::new('--strategy', '--strategy', [CompletionResultType]::ParameterName, 'Concurrency strategy for seat changes [default: occ]; `all` only for `simulate`')
            [CompletionResult]::new('--operator', '--operator', [CompletionResultType]::ParameterName, 'Who works at this terminal, recorded in the history as "by" [default: config terminal.operator, else the login name]')
            [CompletionResult]::new('--csv', '--csv', [CompletionResultType]::ParameterName, 'Print CSV (a header row, then one row per event) instead of a table')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print exactly one JSON document on stdout (errors as JSON on stderr)')
            [CompletionResult]::new('--no-color', '--no-color', [CompletionResultType]::ParameterName, 'Never use colour (also honoured: NO_COLOR, TERM=dumb)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Log what seatctl does on stderr: -v tries, retries, lock waits and lost races; -vv also every SQL statement with its time (RUST_LOG, e.g. seatctl=debug,sqlx=debug, overrides)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Log what seatctl does on stderr: -v tries, retries, lock waits and lost races; -vv also every SQL statement with its time (RUST_LOG, e.g. seatctl=debug,sqlx=debug, overrides)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'seatctl;event;show' {
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file [default: ./seatctl.toml, else <config dir>/seatctl/config.toml]')
            [CompletionResult]::new('--database-url', '--database-url', [CompletionResultType]::ParameterName, 'Database: postgres://USER@HOST/DB or sqlite://PATH [default: embedded SQLite in the data dir]')
            [CompletionResult]::new('--redis-url', '--redis-url', [CompletionResultType]::ParameterName, 'Redis, for the `redis` strategy [default: redis://127.0.0.1:6379]')
            [CompletionResult]::new('--strategy', '--strategy', [CompletionResultType]::ParameterName, 'Concurrency strategy for seat changes [default: occ]; `all` only for `simulate`')
            [CompletionResult]::new('--operator', '--operator', [CompletionResultType]::ParameterName, 'Who works at this terminal, recorded in the history as "by" [default: config terminal.operator, else the login name]')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print exactly one JSON document on stdout (errors as JSON on stderr)')
            [CompletionResult]::new('--no-color', '--no-color', [CompletionResultType]::ParameterName, 'Never use colour (also honoured: NO_COLOR, TERM=dumb)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Log what seatctl does on stderr: -v tries, retries, lock waits and lost races; -vv also every SQL statement with its time (RUST_LOG, e.g. seatctl=debug,sqlx=debug, overrides)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Log what seatctl does on stderr: -v tries, retries, lock waits and lost races; -vv also every SQL statement with its time (RUST_LOG, e.g. seatctl=debug,sqlx=debug, overrides)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'seatctl;event;update' {
            [CompletionResult]::new('--name', '--name', [CompletionResultType]::ParameterName, 'The new name (unique)')
            [CompletionResult]::new('--starts-at', '--starts-at', [CompletionResultType]::ParameterName, 'The new start time, RFC 3339 (e.g. 2026-12-31T20:00:00+01:00)')
            [CompletionResult]::new('--venue', '--venue', [CompletionResultType]::ParameterName, 'The new venue name')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file [default: ./seatctl.toml, else <config dir>/seatctl/config.toml]')
            [CompletionResult]::new('--database-url', '--database-url', [CompletionResultType]::ParameterName, 'Database: postgres://USER@HOST/DB or sqlite://PATH [default: embedded SQLite in the data dir]')
            [CompletionResult]::new('--redis-url', '--redis-url', [CompletionResultType]::ParameterName, 'Redis, for the `redis` strategy [default: redis://127.0.0.1:6379]')
            [CompletionResult]::new('--strategy', '--strategy', [CompletionResultType]::ParameterName, 'Concurrency strategy for seat changes [default: occ]; `all` only for `simulate`')
            [CompletionResult]::new('--operator', '--operator', [CompletionResultType]::ParameterName, 'Who works at this terminal, recorded in the history as "by" [default: config terminal.operator, else the login name]')
            [CompletionResult]::new('--no-starts-at', '--no-starts-at', [CompletionResultType]::ParameterName, 'Clear the start time')
            [CompletionResult]::new('--no-venue', '--no-venue', [CompletionResultType]::ParameterName, 'Clear the venue')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print exactly one JSON document on stdout (errors as JSON on stderr)')
            [CompletionResult]::new('--no-color', '--no-color', [CompletionResultType]::ParameterName, 'Never use colour (also honoured: NO_COLOR, TERM=dumb)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Log what seatctl does on stderr: -v tries, retries, lock waits and lost races; -vv also every SQL statement with its time (RUST_LOG, e.g. seatctl=debug,sqlx=debug, overrides)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Log what seatctl does on stderr: -v tries, retries, lock waits and lost races; -vv also every SQL statement with its time (RUST_LOG, e.g. seatctl=debug,sqlx=debug, overrides)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'seatctl;event;delete' {
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file [default: ./seatctl.toml, else <config dir>/seatctl/config.toml]')
            [CompletionResult]::new('--database-url', '--database-url', [CompletionResultType]::ParameterName, 'Database: postgres://USER@HOST/DB or sqlite://PATH [default: embedded SQLite in the data dir]')
            [CompletionResult]::new('--redis-url', '--redis-url', [CompletionResultType]::ParameterName, 'Redis, for the `redis` strategy [default: redis://127.0.0.1:6379]')
            [CompletionResult]::new('--strategy', '--strategy', [CompletionResultType]::ParameterName, 'Concurrency strategy for seat changes [default: occ]; `all` only for `simulate`')
            [CompletionResult]::new('--operator', '--operator', [CompletionResultType]::ParameterName, 'Who works at this terminal, recorded in the history as "by" [default: config terminal.operator, else the login name]')
            [CompletionResult]::new('--force', '--force', [CompletionResultType]::ParameterName, 'Delete even if seats are held, reserved or blocked')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Do not ask for confirmation (required when not on a terminal)')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Do not ask for confirmation (required when not on a terminal)')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print exactly one JSON document on stdout (errors as JSON on stderr)')
            [CompletionResult]::new('--no-color', '--no-color', [CompletionResultType]::ParameterName, 'Never use colour (also honoured: NO_COLOR, TERM=dumb)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Log what seatctl does on stderr: -v tries, retries, lock waits and lost races; -vv also every SQL statement with its time (RUST_LOG, e.g. seatctl=debug,sqlx=debug, overrides)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Log what seatctl does on stderr: -v tries, retries, lock waits and lost races; -vv also every SQL statement with its time (RUST_LOG, e.g. seatctl=debug,sqlx=debug, overrides)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'seatctl;event;help' {
            [CompletionResult]::new('create', 'create', [CompletionResultType]::ParameterValue, 'Create an event with its seats (a general-admission count or a layout file)')
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List events with their seat counts')
            [CompletionResult]::new('show', 'show', [CompletionResultType]::ParameterValue, 'Show an event with its seat counts by status and by section')
            [CompletionResult]::new('update', 'update', [CompletionResultType]::ParameterValue, 'Rename an event, move its start or change its venue')
            [CompletionResult]::new('delete', 'delete', [CompletionResultType]::ParameterValue, 'Delete an event with its seats, holds, reservations and history')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'seatctl;event;help;create' {
            break
        }
        'seatctl;event;help;list' {
            break
        }
        'seatctl;event;help;show' {
            break
        }
        'seatctl;event;help;update' {
            break
        }
        'seatctl;event;help;delete' {
            break
        }
        'seatctl;event;help;help' {
            break
        }
        'seatctl;layout' {
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file [default: ./seatctl.toml, else <config dir>/seatctl/config.toml]')
            [CompletionResult]::new('--database-url', '--database-url', [CompletionResultType]::ParameterName, 'Database: postgres://USER@HOST/DB or sqlite://PATH [default: embedded SQLite in the data dir]')
            [CompletionResult]::new('--redis-url', '--redis-url', [CompletionResultType]::ParameterName, 'Redis, for the `redis` strategy [default: redis://127.0.0.1:6379]')
            [CompletionResult]::new('--strategy', '--strategy', [CompletionResultType]::ParameterName, 'Concurrency strategy for seat changes [default: occ]; `all` only for `simulate`')
            [CompletionResult]::new('--operator', '--operator', [CompletionResultType]::ParameterName, 'Who works at this terminal, recorded in the history as "by" [default: config terminal.operator, else the login name]')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print exactly one JSON document on stdout (errors as JSON on stderr)')
            [CompletionResult]::new('--no-color', '--no-color', [CompletionResultType]::ParameterName, 'Never use colour (also honoured: NO_COLOR, TERM=dumb)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Log what seatctl does on stderr: -v tries, retries, lock waits and lost races; -vv also every SQL statement with its time (RUST_LOG, e.g. seatctl=debug,sqlx=debug, overrides)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Log what seatctl does on stderr: -v tries, retries, lock waits and lost races; -vv also every SQL statement with its time (RUST_LOG, e.g. seatctl=debug,sqlx=debug, overrides)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('import', 'import', [CompletionResultType]::ParameterValue, 'Import a layout file into an event, in one transaction (all or nothing)')
            [CompletionResult]::new('check', 'check', [CompletionResultType]::ParameterValue, 'Validate a layout file without touching the database')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'seatctl;layout;import' {
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'The file''s format [default: by its extension; a .json with `zones` is a pretix plan]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file [default: ./seatctl.toml, else <config dir>/seatctl/config.toml]')
            [CompletionResult]::new('--database-url', '--database-url', [CompletionResultType]::ParameterName, 'Database: postgres://USER@HOST/DB or sqlite://PATH [default: embedded SQLite in the data dir]')
            [CompletionResult]::new('--redis-url', '--redis-url', [CompletionResultType]::ParameterName, 'Redis, for the `redis` strategy [default: redis://127.0.0.1:6379]')
            [CompletionResult]::new('--strategy', '--strategy', [CompletionResultType]::ParameterName, 'Concurrency strategy for seat changes [default: occ]; `all` only for `simulate`')
            [CompletionResult]::new('--operator', '--operator', [CompletionResultType]::ParameterName, 'Who works at this terminal, recorded in the history as "by" [default: config terminal.operator, else the login name]')
            [CompletionResult]::new('--replace', '--replace', [CompletionResultType]::ParameterName, 'Replace the event''s existing layout (refused while any seat is held, reserved or blocked, unless the new layout gives external ids: then seats it names by theirs are kept with their holds and sales, and only seats left out must be free)')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print exactly one JSON document on stdout (errors as JSON on stderr)')
            [CompletionResult]::new('--no-color', '--no-color', [CompletionResultType]::ParameterName, 'Never use colour (also honoured: NO_COLOR, TERM=dumb)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Log what seatctl does on stderr: -v tries, retries, lock waits and lost races; -vv also every SQL statement with its time (RUST_LOG, e.g. seatctl=debug,sqlx=debug, overrides)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Log what seatctl does on stderr: -v tries, retries, lock waits and lost races; -vv also every SQL statement with its time (RUST_LOG, e.g. seatctl=debug,sqlx=debug, overrides)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'seatctl;layout;check' {
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'The file''s format [default: by its extension; a .json with `zones` is a pretix plan]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file [default: ./seatctl.toml, else <config dir>/seatctl/config.toml]')
            [CompletionResult]::new('--database-url', '--database-url', [CompletionResultType]::ParameterName, 'Database: postgres://USER@HOST/DB or sqlite://PATH [default: embedded SQLite in the data dir]')
            [CompletionResult]::new('--redis-url', '--redis-url', [CompletionResultType]::ParameterName, 'Redis, for the `redis` strategy [default: redis://127.0.0.1:6379]')
            [CompletionResult]::new('--strategy', '--strategy', [CompletionResultType]::ParameterName, 'Concurrency strategy for seat changes [default: occ]; `all` only for `simulate`')
            [CompletionResult]::new('--operator', '--operator', [CompletionResultType]::ParameterName, 'Who works at this terminal, recorded in the history as "by" [default: config terminal.operator, else the login name]')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print exactly one JSON document on stdout (errors as JSON on stderr)')
            [CompletionResult]::new('--no-color', '--no-color', [CompletionResultType]::ParameterName, 'Never use colour (also honoured: NO_COLOR, TERM=dumb)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Log what seatctl does on stderr: -v tries, retries, lock waits and lost races; -vv also every SQL statement with its time (RUST_LOG, e.g. seatctl=debug,sqlx=debug, overrides)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Log what seatctl does on stderr: -v tries, retries, lock waits and lost races; -vv also every SQL statement with its time (RUST_LOG, e.g. seatctl=debug,sqlx=debug, overrides)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'seatctl;layout;help' {
            [CompletionResult]::new('import', 'import', [CompletionResultType]::ParameterValue, 'Import a layout file into an event, in one transaction (all or nothing)')
            [CompletionResult]::new('check', 'check', [CompletionResultType]::ParameterValue, 'Validate a layout file without touching the database')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'seatctl;layout;help;import' {
            break
        }
        'seatctl;layout;help;check' {
            break
        }
        'seatctl;layout;help;help' {
            break
        }
        'seatctl;seats' {
            [CompletionResult]::new('--status', '--status', [CompletionResultType]::ParameterName, 'Only seats in this state (a lapsed hold counts as available)')
            [CompletionResult]::new('--section', '--section', [CompletionResultType]::ParameterName, 'Only seats in this section')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file [default: ./seatctl.toml, else <config dir>/seatctl/config.toml]')
            [CompletionResult]::new('--database-url', '--database-url', [CompletionResultType]::ParameterName, 'Database: postgres://USER@HOST/DB or sqlite://PATH [default: embedded SQLite in the data dir]')
            [CompletionResult]::new('--redis-url', '--redis-url', [CompletionResultType]::ParameterName, 'Redis, for the `redis` strategy [default: redis://127.0.0.1:6379]')
            [CompletionResult]::new('--strategy', '--strategy', [CompletionResultType]::ParameterName, 'Concurrency strategy for seat changes [default: occ]; `all` only for `simulate`')
            [CompletionResult]::new('--operator', '--operator', [CompletionResultType]::ParameterName, 'Who works at this terminal, recorded in the history as "by" [default: config terminal.operator, else the login name]')
            [CompletionResult]::new('--csv', '--csv', [CompletionResultType]::ParameterName, 'Print CSV (a header row, then one row per seat) instead of a table')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print exactly one JSON document on stdout (errors as JSON on stderr)')
            [CompletionResult]::new('--no-color', '--no-color', [CompletionResultType]::ParameterName, 'Never use colour (also honoured: NO_COLOR, TERM=dumb)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Log what seatctl does on stderr: -v tries, retries, lock waits and lost races; -vv also every SQL statement with its time (RUST_LOG, e.g. seatctl=debug,sqlx=debug, overrides)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Log what seatctl does on stderr: -v tries, retries, lock waits and lost races; -vv also every SQL statement with its time (RUST_LOG, e.g. seatctl=debug,sqlx=debug, overrides)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'seatctl;box-office' {
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file [default: ./seatctl.toml, else <config dir>/seatctl/config.toml]')
            [CompletionResult]::new('--database-url', '--database-url', [CompletionResultType]::ParameterName, 'Database: postgres://USER@HOST/DB or sqlite://PATH [default: embedded SQLite in the data dir]')
            [CompletionResult]::new('--redis-url', '--redis-url', [CompletionResultType]::ParameterName, 'Redis, for the `redis` strategy [default: redis://127.0.0.1:6379]')
            [CompletionResult]::new('--strategy', '--strategy', [CompletionResultType]::ParameterName, 'Concurrency strategy for seat changes [default: occ]; `all` only for `simulate`')
            [CompletionResult]::new('--operator', '--operator', [CompletionResultType]::ParameterName, 'Who works at this terminal, recorded in the history as "by" [default: config terminal.operator, else the login name]')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print exactly one JSON document on stdout (errors as JSON on stderr)')
            [CompletionResult]::new('--no-color', '--no-color', [CompletionResultType]::ParameterName, 'Never use colour (also honoured: NO_COLOR, TERM=dumb)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Log what seatctl does on stderr: -v tries, retries, lock waits and lost races; -vv also every SQL statement with its time (RUST_LOG, e.g. seatctl=debug,sqlx=debug, overrides)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Log what seatctl does on stderr: -v tries, retries, lock waits and lost races; -vv also every SQL statement with its time (RUST_LOG, e.g. seatctl=debug,sqlx=debug, overrides)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'seatctl;map' {
            [CompletionResult]::new('--section', '--section', [CompletionResultType]::ParameterName, 'Draw only this section')
            [CompletionResult]::new('--width', '--width', [CompletionResultType]::ParameterName, 'Width to draw for [default: the terminal''s width, else $COLUMNS, else 80]')
            [CompletionResult]::new('--highlight', '--highlight', [CompletionResultType]::ParameterName, 'Highlight these seats (labels or ranges along a row, e.g. A-12..A-15)')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file [default: ./seatctl.toml, else <config dir>/seatctl/config.toml]')
            [CompletionResult]::new('--database-url', '--database-url', [CompletionResultType]::ParameterName, 'Database: postgres://USER@HOST/DB or sqlite://PATH [default: embedded SQLite in the data dir]')
            [CompletionResult]::new('--redis-url', '--redis-url', [CompletionResultType]::ParameterName, 'Redis, for the `redis` strategy [default: redis://127.0.0.1:6379]')
            [CompletionResult]::new('--strategy', '--strategy', [CompletionResultType]::ParameterName, 'Concurrency strategy for seat changes [default: occ]; `all` only for `simulate`')
            [CompletionResult]::new('--operator', '--operator', [CompletionResultType]::ParameterName, 'Who works at this terminal, recorded in the history as "by" [default: config terminal.operator, else the login name]')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print exactly one JSON document on stdout (errors as JSON on stderr)')
            [CompletionResult]::new('--no-color', '--no-color', [CompletionResultType]::ParameterName, 'Never use colour (also honoured: NO_COLOR, TERM=dumb)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Log what seatctl does on stderr: -v tries, retries, lock waits and lost races; -vv also every SQL statement with its time (RUST_LOG, e.g. seatctl=debug,sqlx=debug, overrides)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Log what seatctl does on stderr: -v tries, retries, lock waits and lost races; -vv also every SQL statement with its time (RUST_LOG, e.g. seatctl=debug,sqlx=debug, overrides)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'seatctl;watch' {
            [CompletionResult]::new('--section', '--section', [CompletionResultType]::ParameterName, 'Only this section''s seats and changes')
            [CompletionResult]::new('--after', '--after', [CompletionResultType]::ParameterName, 'First tell the changes made after the one with this id (the last `id` an earlier `watch --json` or change stream told), then go on: nothing missed in between')
            [CompletionResult]::new('--width', '--width', [CompletionResultType]::ParameterName, 'Width to draw the map for [default: the terminal''s width, else $COLUMNS, else 80]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file [default: ./seatctl.toml, else <config dir>/seatctl/config.toml]')
            [CompletionResult]::new('--database-url', '--database-url', [CompletionResultType]::ParameterName, 'Database: postgres://USER@HOST/DB or sqlite://PATH [default: embedded SQLite in the data dir]')
            [CompletionResult]::new('--redis-url', '--redis-url', [CompletionResultType]::ParameterName, 'Redis, for the `redis` strategy [default: redis://127.0.0.1:6379]')
            [CompletionResult]::new('--strategy', '--strategy', [CompletionResultType]::ParameterName, 'Concurrency strategy for seat changes [default: occ]; `all` only for `simulate`')
            [CompletionResult]::new('--operator', '--operator', [CompletionResultType]::ParameterName, 'Who works at this terminal, recorded in the history as "by" [default: config terminal.operator, else the login name]')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print exactly one JSON document on stdout (errors as JSON on stderr)')
            [CompletionResult]::new('--no-color', '--no-color', [CompletionResultType]::ParameterName, 'Never use colour (also honoured: NO_COLOR, TERM=dumb)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Log what seatctl does on stderr: -v tries, retries, lock waits and lost races; -vv also every SQL statement with its time (RUST_LOG, e.g. seatctl=debug,sqlx=debug, overrides)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Log what seatctl does on stderr: -v tries, retries, lock waits and lost races; -vv also every SQL statement with its time (RUST_LOG, e.g. seatctl=debug,sqlx=debug, overrides)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'seatctl;hold' {
            [CompletionResult]::new('--best', '--best', [CompletionResultType]::ParameterName, 'Hold the N best available seats instead: side by side in one row when possible, front rows and row centres first, sections in layout order')
            [CompletionResult]::new('--section', '--section', [CompletionResultType]::ParameterName, 'With --best: only this section')
            [CompletionResult]::new('--category', '--category', [CompletionResultType]::ParameterName, 'With --best: only this category')
            [CompletionResult]::new('--accessible', '--accessible', [CompletionResultType]::ParameterName, 'With --best: N of the party''s seats must be accessible (wheelchair spaces); the rest sit beside them, on companion seats where the layout has them')
            [CompletionResult]::new('--area', '--area', [CompletionResultType]::ParameterName, 'Hold places of this general-admission area instead (a standing area, a dance floor): any free ones, --quantity of them, all or none')
            [CompletionResult]::new('--quantity', '--quantity', [CompletionResultType]::ParameterName, 'With --area: how many places')
            [CompletionResult]::new('--ttl', '--ttl', [CompletionResultType]::ParameterName, 'How long the hold lasts [default: reservation.hold_ttl, 10m]')
            [CompletionResult]::new('--holder', '--holder', [CompletionResultType]::ParameterName, 'Who holds the seats (shown in the history)')
            [CompletionResult]::new('--idempotency-key', '--idempotency-key', [CompletionResultType]::ParameterName, 'Retrying with the same key returns the same hold instead of holding twice')
            [CompletionResult]::new('--pause-after-lock', '--pause-after-lock', [CompletionResultType]::ParameterName, 'Fault injection: stall after taking the locks and reading the seats, before the guarded write, as a paused process would')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file [default: ./seatctl.toml, else <config dir>/seatctl/config.toml]')
            [CompletionResult]::new('--database-url', '--database-url', [CompletionResultType]::ParameterName, 'Database: postgres://USER@HOST/DB or sqlite://PATH [default: embedded SQLite in the data dir]')
            [CompletionResult]::new('--redis-url', '--redis-url', [CompletionResultType]::ParameterName, 'Redis, for the `redis` strategy [default: redis://127.0.0.1:6379]')
            [CompletionResult]::new('--strategy', '--strategy', [CompletionResultType]::ParameterName, 'Concurrency strategy for seat changes [default: occ]; `all` only for `simulate`')
            [CompletionResult]::new('--operator', '--operator', [CompletionResultType]::ParameterName, 'Who works at this terminal, recorded in the history as "by" [default: config terminal.operator, else the login name]')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only the hold''s id (for `id=$(seatctl hold … -q)`)')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only the hold''s id (for `id=$(seatctl hold … -q)`)')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print exactly one JSON document on stdout (errors as JSON on stderr)')
            [CompletionResult]::new('--no-color', '--no-color', [CompletionResultType]::ParameterName, 'Never use colour (also honoured: NO_COLOR, TERM=dumb)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Log what seatctl does on stderr: -v tries, retries, lock waits and lost races; -vv also every SQL statement with its time (RUST_LOG, e.g. seatctl=debug,sqlx=debug, overrides)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Log what seatctl does on stderr: -v tries, retries, lock waits and lost races; -vv also every SQL statement with its time (RUST_LOG, e.g. seatctl=debug,sqlx=debug, overrides)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'seatctl;extend' {
            [CompletionResult]::new('--ttl', '--ttl', [CompletionResultType]::ParameterName, 'New lifetime, counted from now [default: reservation.hold_ttl]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file [default: ./seatctl.toml, else <config dir>/seatctl/config.toml]')
            [CompletionResult]::new('--database-url', '--database-url', [CompletionResultType]::ParameterName, 'Database: postgres://USER@HOST/DB or sqlite://PATH [default: embedded SQLite in the data dir]')
            [CompletionResult]::new('--redis-url', '--redis-url', [CompletionResultType]::ParameterName, 'Redis, for the `redis` strategy [default: redis://127.0.0.1:6379]')
            [CompletionResult]::new('--strategy', '--strategy', [CompletionResultType]::ParameterName, 'Concurrency strategy for seat changes [default: occ]; `all` only for `simulate`')
            [CompletionResult]::new('--operator', '--operator', [CompletionResultType]::ParameterName, 'Who works at this terminal, recorded in the history as "by" [default: config terminal.operator, else the login name]')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print exactly one JSON document on stdout (errors as JSON on stderr)')
            [CompletionResult]::new('--no-color', '--no-color', [CompletionResultType]::ParameterName, 'Never use colour (also honoured: NO_COLOR, TERM=dumb)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Log what seatctl does on stderr: -v tries, retries, lock waits and lost races; -vv also every SQL statement with its time (RUST_LOG, e.g. seatctl=debug,sqlx=debug, overrides)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Log what seatctl does on stderr: -v tries, retries, lock waits and lost races; -vv also every SQL statement with its time (RUST_LOG, e.g. seatctl=debug,sqlx=debug, overrides)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'seatctl;reserve' {
            [CompletionResult]::new('--customer', '--customer', [CompletionResultType]::ParameterName, 'Customer name or id')
            [CompletionResult]::new('--reference', '--reference', [CompletionResultType]::ParameterName, 'Your reference (order number, payment id)')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file [default: ./seatctl.toml, else <config dir>/seatctl/config.toml]')
            [CompletionResult]::new('--database-url', '--database-url', [CompletionResultType]::ParameterName, 'Database: postgres://USER@HOST/DB or sqlite://PATH [default: embedded SQLite in the data dir]')
            [CompletionResult]::new('--redis-url', '--redis-url', [CompletionResultType]::ParameterName, 'Redis, for the `redis` strategy [default: redis://127.0.0.1:6379]')
            [CompletionResult]::new('--strategy', '--strategy', [CompletionResultType]::ParameterName, 'Concurrency strategy for seat changes [default: occ]; `all` only for `simulate`')
            [CompletionResult]::new('--operator', '--operator', [CompletionResultType]::ParameterName, 'Who works at this terminal, recorded in the history as "by" [default: config terminal.operator, else the login name]')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only the reservation''s id')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only the reservation''s id')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print exactly one JSON document on stdout (errors as JSON on stderr)')
            [CompletionResult]::new('--no-color', '--no-color', [CompletionResultType]::ParameterName, 'Never use colour (also honoured: NO_COLOR, TERM=dumb)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Log what seatctl does on stderr: -v tries, retries, lock waits and lost races; -vv also every SQL statement with its time (RUST_LOG, e.g. seatctl=debug,sqlx=debug, overrides)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Log what seatctl does on stderr: -v tries, retries, lock waits and lost races; -vv also every SQL statement with its time (RUST_LOG, e.g. seatctl=debug,sqlx=debug, overrides)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'seatctl;release' {
            [CompletionResult]::new('--seats', '--seats', [CompletionResultType]::ParameterName, 'Refund only these seats of a reservation (labels or ranges like A-12..A-14); the rest stays sold')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file [default: ./seatctl.toml, else <config dir>/seatctl/config.toml]')
            [CompletionResult]::new('--database-url', '--database-url', [CompletionResultType]::ParameterName, 'Database: postgres://USER@HOST/DB or sqlite://PATH [default: embedded SQLite in the data dir]')
            [CompletionResult]::new('--redis-url', '--redis-url', [CompletionResultType]::ParameterName, 'Redis, for the `redis` strategy [default: redis://127.0.0.1:6379]')
            [CompletionResult]::new('--strategy', '--strategy', [CompletionResultType]::ParameterName, 'Concurrency strategy for seat changes [default: occ]; `all` only for `simulate`')
            [CompletionResult]::new('--operator', '--operator', [CompletionResultType]::ParameterName, 'Who works at this terminal, recorded in the history as "by" [default: config terminal.operator, else the login name]')
            [CompletionResult]::new('--reservation', '--reservation', [CompletionResultType]::ParameterName, 'Given a hold that has become a reservation, release (refund) that reservation; without it such a hold is refused (exit 3), so an old hold id cannot refund a sale by accident')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print exactly one JSON document on stdout (errors as JSON on stderr)')
            [CompletionResult]::new('--no-color', '--no-color', [CompletionResultType]::ParameterName, 'Never use colour (also honoured: NO_COLOR, TERM=dumb)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Log what seatctl does on stderr: -v tries, retries, lock waits and lost races; -vv also every SQL statement with its time (RUST_LOG, e.g. seatctl=debug,sqlx=debug, overrides)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Log what seatctl does on stderr: -v tries, retries, lock waits and lost races; -vv also every SQL statement with its time (RUST_LOG, e.g. seatctl=debug,sqlx=debug, overrides)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'seatctl;sweep' {
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file [default: ./seatctl.toml, else <config dir>/seatctl/config.toml]')
            [CompletionResult]::new('--database-url', '--database-url', [CompletionResultType]::ParameterName, 'Database: postgres://USER@HOST/DB or sqlite://PATH [default: embedded SQLite in the data dir]')
            [CompletionResult]::new('--redis-url', '--redis-url', [CompletionResultType]::ParameterName, 'Redis, for the `redis` strategy [default: redis://127.0.0.1:6379]')
            [CompletionResult]::new('--strategy', '--strategy', [CompletionResultType]::ParameterName, 'Concurrency strategy for seat changes [default: occ]; `all` only for `simulate`')
            [CompletionResult]::new('--operator', '--operator', [CompletionResultType]::ParameterName, 'Who works at this terminal, recorded in the history as "by" [default: config terminal.operator, else the login name]')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print exactly one JSON document on stdout (errors as JSON on stderr)')
            [CompletionResult]::new('--no-color', '--no-color', [CompletionResultType]::ParameterName, 'Never use colour (also honoured: NO_COLOR, TERM=dumb)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Log what seatctl does on stderr: -v tries, retries, lock waits and lost races; -vv also every SQL statement with its time (RUST_LOG, e.g. seatctl=debug,sqlx=debug, overrides)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Log what seatctl does on stderr: -v tries, retries, lock waits and lost races; -vv also every SQL statement with its time (RUST_LOG, e.g. seatctl=debug,sqlx=debug, overrides)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'seatctl;block' {
            [CompletionResult]::new('--reason', '--reason', [CompletionResultType]::ParameterName, 'Why, for the map, the export and the history (e.g. "camera position")')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file [default: ./seatctl.toml, else <config dir>/seatctl/config.toml]')
            [CompletionResult]::new('--database-url', '--database-url', [CompletionResultType]::ParameterName, 'Database: postgres://USER@HOST/DB or sqlite://PATH [default: embedded SQLite in the data dir]')
            [CompletionResult]::new('--redis-url', '--redis-url', [CompletionResultType]::ParameterName, 'Redis, for the `redis` strategy [default: redis://127.0.0.1:6379]')
            [CompletionResult]::new('--strategy', '--strategy', [CompletionResultType]::ParameterName, 'Concurrency strategy for seat changes [default: occ]; `all` only for `simulate`')
            [CompletionResult]::new('--operator', '--operator', [CompletionResultType]::ParameterName, 'Who works at this terminal, recorded in the history as "by" [default: config terminal.operator, else the login name]')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print exactly one JSON document on stdout (errors as JSON on stderr)')
            [CompletionResult]::new('--no-color', '--no-color', [CompletionResultType]::ParameterName, 'Never use colour (also honoured: NO_COLOR, TERM=dumb)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Log what seatctl does on stderr: -v tries, retries, lock waits and lost races; -vv also every SQL statement with its time (RUST_LOG, e.g. seatctl=debug,sqlx=debug, overrides)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Log what seatctl does on stderr: -v tries, retries, lock waits and lost races; -vv also every SQL statement with its time (RUST_LOG, e.g. seatctl=debug,sqlx=debug, overrides)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'seatctl;unblock' {
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file [default: ./seatctl.toml, else <config dir>/seatctl/config.toml]')
            [CompletionResult]::new('--database-url', '--database-url', [CompletionResultType]::ParameterName, 'Database: postgres://USER@HOST/DB or sqlite://PATH [default: embedded SQLite in the data dir]')
            [CompletionResult]::new('--redis-url', '--redis-url', [CompletionResultType]::ParameterName, 'Redis, for the `redis` strategy [default: redis://127.0.0.1:6379]')
            [CompletionResult]::new('--strategy', '--strategy', [CompletionResultType]::ParameterName, 'Concurrency strategy for seat changes [default: occ]; `all` only for `simulate`')
            [CompletionResult]::new('--operator', '--operator', [CompletionResultType]::ParameterName, 'Who works at this terminal, recorded in the history as "by" [default: config terminal.operator, else the login name]')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print exactly one JSON document on stdout (errors as JSON on stderr)')
            [CompletionResult]::new('--no-color', '--no-color', [CompletionResultType]::ParameterName, 'Never use colour (also honoured: NO_COLOR, TERM=dumb)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Log what seatctl does on stderr: -v tries, retries, lock waits and lost races; -vv also every SQL statement with its time (RUST_LOG, e.g. seatctl=debug,sqlx=debug, overrides)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Log what seatctl does on stderr: -v tries, retries, lock waits and lost races; -vv also every SQL statement with its time (RUST_LOG, e.g. seatctl=debug,sqlx=debug, overrides)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'seatctl;history' {
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file [default: ./seatctl.toml, else <config dir>/seatctl/config.toml]')
            [CompletionResult]::new('--database-url', '--database-url', [CompletionResultType]::ParameterName, 'Database: postgres://USER@HOST/DB or sqlite://PATH [default: embedded SQLite in the data dir]')
            [CompletionResult]::new('--redis-url', '--redis-url', [CompletionResultType]::ParameterName, 'Redis, for the `redis` strategy [default: redis://127.0.0.1:6379]')
            [CompletionResult]::new('--strategy', '--strategy', [CompletionResultType]::ParameterName, 'Concurrency strategy for seat changes [default: occ]; `all` only for `simulate`')
            [CompletionResult]::new('--operator', '--operator', [CompletionResultType]::ParameterName, 'Who works at this terminal, recorded in the history as "by" [default: config terminal.operator, else the login name]')
            [CompletionResult]::new('--csv', '--csv', [CompletionResultType]::ParameterName, 'Print CSV (a header row, then one row per change, ids whole) instead of a table')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print exactly one JSON document on stdout (errors as JSON on stderr)')
            [CompletionResult]::new('--no-color', '--no-color', [CompletionResultType]::ParameterName, 'Never use colour (also honoured: NO_COLOR, TERM=dumb)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Log what seatctl does on stderr: -v tries, retries, lock waits and lost races; -vv also every SQL statement with its time (RUST_LOG, e.g. seatctl=debug,sqlx=debug, overrides)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Log what seatctl does on stderr: -v tries, retries, lock waits and lost races; -vv also every SQL statement with its time (RUST_LOG, e.g. seatctl=debug,sqlx=debug, overrides)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'seatctl;reservations' {
            [CompletionResult]::new('--customer', '--customer', [CompletionResultType]::ParameterName, 'Only reservations whose customer contains this (any case)')
            [CompletionResult]::new('--reference', '--reference', [CompletionResultType]::ParameterName, 'Only the reservation with this reference (any case)')
            [CompletionResult]::new('--status', '--status', [CompletionResultType]::ParameterName, 'Which reservations: active (sold), released (refunded) or all')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file [default: ./seatctl.toml, else <config dir>/seatctl/config.toml]')
            [CompletionResult]::new('--database-url', '--database-url', [CompletionResultType]::ParameterName, 'Database: postgres://USER@HOST/DB or sqlite://PATH [default: embedded SQLite in the data dir]')
            [CompletionResult]::new('--redis-url', '--redis-url', [CompletionResultType]::ParameterName, 'Redis, for the `redis` strategy [default: redis://127.0.0.1:6379]')
            [CompletionResult]::new('--strategy', '--strategy', [CompletionResultType]::ParameterName, 'Concurrency strategy for seat changes [default: occ]; `all` only for `simulate`')
            [CompletionResult]::new('--operator', '--operator', [CompletionResultType]::ParameterName, 'Who works at this terminal, recorded in the history as "by" [default: config terminal.operator, else the login name]')
            [CompletionResult]::new('--csv', '--csv', [CompletionResultType]::ParameterName, 'Print CSV (a header row, then one row per reservation, seats separated by spaces)')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print exactly one JSON document on stdout (errors as JSON on stderr)')
            [CompletionResult]::new('--no-color', '--no-color', [CompletionResultType]::ParameterName, 'Never use colour (also honoured: NO_COLOR, TERM=dumb)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Log what seatctl does on stderr: -v tries, retries, lock waits and lost races; -vv also every SQL statement with its time (RUST_LOG, e.g. seatctl=debug,sqlx=debug, overrides)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Log what seatctl does on stderr: -v tries, retries, lock waits and lost races; -vv also every SQL statement with its time (RUST_LOG, e.g. seatctl=debug,sqlx=debug, overrides)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'seatctl;holds' {
            [CompletionResult]::new('--holder', '--holder', [CompletionResultType]::ParameterName, 'Only holds whose holder contains this (any case)')
            [CompletionResult]::new('--status', '--status', [CompletionResultType]::ParameterName, 'Which holds, as the database''s clock has them now')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file [default: ./seatctl.toml, else <config dir>/seatctl/config.toml]')
            [CompletionResult]::new('--database-url', '--database-url', [CompletionResultType]::ParameterName, 'Database: postgres://USER@HOST/DB or sqlite://PATH [default: embedded SQLite in the data dir]')
            [CompletionResult]::new('--redis-url', '--redis-url', [CompletionResultType]::ParameterName, 'Redis, for the `redis` strategy [default: redis://127.0.0.1:6379]')
            [CompletionResult]::new('--strategy', '--strategy', [CompletionResultType]::ParameterName, 'Concurrency strategy for seat changes [default: occ]; `all` only for `simulate`')
            [CompletionResult]::new('--operator', '--operator', [CompletionResultType]::ParameterName, 'Who works at this terminal, recorded in the history as "by" [default: config terminal.operator, else the login name]')
            [CompletionResult]::new('--csv', '--csv', [CompletionResultType]::ParameterName, 'Print CSV (a header row, then one row per hold, seats separated by spaces)')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print exactly one JSON document on stdout (errors as JSON on stderr)')
            [CompletionResult]::new('--no-color', '--no-color', [CompletionResultType]::ParameterName, 'Never use colour (also honoured: NO_COLOR, TERM=dumb)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Log what seatctl does on stderr: -v tries, retries, lock waits and lost races; -vv also every SQL statement with its time (RUST_LOG, e.g. seatctl=debug,sqlx=debug, overrides)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Log what seatctl does on stderr: -v tries, retries, lock waits and lost races; -vv also every SQL statement with its time (RUST_LOG, e.g. seatctl=debug,sqlx=debug, overrides)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'seatctl;price' {
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file [default: ./seatctl.toml, else <config dir>/seatctl/config.toml]')
            [CompletionResult]::new('--database-url', '--database-url', [CompletionResultType]::ParameterName, 'Database: postgres://USER@HOST/DB or sqlite://PATH [default: embedded SQLite in the data dir]')
            [CompletionResult]::new('--redis-url', '--redis-url', [CompletionResultType]::ParameterName, 'Redis, for the `redis` strategy [default: redis://127.0.0.1:6379]')
            [CompletionResult]::new('--strategy', '--strategy', [CompletionResultType]::ParameterName, 'Concurrency strategy for seat changes [default: occ]; `all` only for `simulate`')
            [CompletionResult]::new('--operator', '--operator', [CompletionResultType]::ParameterName, 'Who works at this terminal, recorded in the history as "by" [default: config terminal.operator, else the login name]')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print exactly one JSON document on stdout (errors as JSON on stderr)')
            [CompletionResult]::new('--no-color', '--no-color', [CompletionResultType]::ParameterName, 'Never use colour (also honoured: NO_COLOR, TERM=dumb)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Log what seatctl does on stderr: -v tries, retries, lock waits and lost races; -vv also every SQL statement with its time (RUST_LOG, e.g. seatctl=debug,sqlx=debug, overrides)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Log what seatctl does on stderr: -v tries, retries, lock waits and lost races; -vv also every SQL statement with its time (RUST_LOG, e.g. seatctl=debug,sqlx=debug, overrides)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('set', 'set', [CompletionResultType]::ParameterValue, 'Set the price of a category''s seats (or the event''s default) to AMOUNT (45, 45.50)')
            [CompletionResult]::new('clear', 'clear', [CompletionResultType]::ParameterValue, 'Remove a category''s price (or the default)')
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List the event''s prices')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'seatctl;price;set' {
            [CompletionResult]::new('--category', '--category', [CompletionResultType]::ParameterName, 'The seat category (any case, as `--category` elsewhere; general-admission areas'' too)')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file [default: ./seatctl.toml, else <config dir>/seatctl/config.toml]')
            [CompletionResult]::new('--database-url', '--database-url', [CompletionResultType]::ParameterName, 'Database: postgres://USER@HOST/DB or sqlite://PATH [default: embedded SQLite in the data dir]')
            [CompletionResult]::new('--redis-url', '--redis-url', [CompletionResultType]::ParameterName, 'Redis, for the `redis` strategy [default: redis://127.0.0.1:6379]')
            [CompletionResult]::new('--strategy', '--strategy', [CompletionResultType]::ParameterName, 'Concurrency strategy for seat changes [default: occ]; `all` only for `simulate`')
            [CompletionResult]::new('--operator', '--operator', [CompletionResultType]::ParameterName, 'Who works at this terminal, recorded in the history as "by" [default: config terminal.operator, else the login name]')
            [CompletionResult]::new('--default', '--default', [CompletionResultType]::ParameterName, 'The event''s default: seats whose category has no price, or that have no category')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print exactly one JSON document on stdout (errors as JSON on stderr)')
            [CompletionResult]::new('--no-color', '--no-color', [CompletionResultType]::ParameterName, 'Never use colour (also honoured: NO_COLOR, TERM=dumb)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Log what seatctl does on stderr: -v tries, retries, lock waits and lost races; -vv also every SQL statement with its time (RUST_LOG, e.g. seatctl=debug,sqlx=debug, overrides)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Log what seatctl does on stderr: -v tries, retries, lock waits and lost races; -vv also every SQL statement with its time (RUST_LOG, e.g. seatctl=debug,sqlx=debug, overrides)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'seatctl;price;clear' {
            [CompletionResult]::new('--category', '--category', [CompletionResultType]::ParameterName, 'The seat category (any case, as `--category` elsewhere; general-admission areas'' too)')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file [default: ./seatctl.toml, else <config dir>/seatctl/config.toml]')
            [CompletionResult]::new('--database-url', '--database-url', [CompletionResultType]::ParameterName, 'Database: postgres://USER@HOST/DB or sqlite://PATH [default: embedded SQLite in the data dir]')
            [CompletionResult]::new('--redis-url', '--redis-url', [CompletionResultType]::ParameterName, 'Redis, for the `redis` strategy [default: redis://127.0.0.1:6379]')
            [CompletionResult]::new('--strategy', '--strategy', [CompletionResultType]::ParameterName, 'Concurrency strategy for seat changes [default: occ]; `all` only for `simulate`')
            [CompletionResult]::new('--operator', '--operator', [CompletionResultType]::ParameterName, 'Who works at this terminal, recorded in the history as "by" [default: config terminal.operator, else the login name]')
            [CompletionResult]::new('--default', '--default', [CompletionResultType]::ParameterName, 'The event''s default: seats whose category has no price, or that have no category')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print exactly one JSON document on stdout (errors as JSON on stderr)')
            [CompletionResult]::new('--no-color', '--no-color', [CompletionResultType]::ParameterName, 'Never use colour (also honoured: NO_COLOR, TERM=dumb)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Log what seatctl does on stderr: -v tries, retries, lock waits and lost races; -vv also every SQL statement with its time (RUST_LOG, e.g. seatctl=debug,sqlx=debug, overrides)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Log what seatctl does on stderr: -v tries, retries, lock waits and lost races; -vv also every SQL statement with its time (RUST_LOG, e.g. seatctl=debug,sqlx=debug, overrides)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'seatctl;price;list' {
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file [default: ./seatctl.toml, else <config dir>/seatctl/config.toml]')
            [CompletionResult]::new('--database-url', '--database-url', [CompletionResultType]::ParameterName, 'Database: postgres://USER@HOST/DB or sqlite://PATH [default: embedded SQLite in the data dir]')
            [CompletionResult]::new('--redis-url', '--redis-url', [CompletionResultType]::ParameterName, 'Redis, for the `redis` strategy [default: redis://127.0.0.1:6379]')
            [CompletionResult]::new('--strategy', '--strategy', [CompletionResultType]::ParameterName, 'Concurrency strategy for seat changes [default: occ]; `all` only for `simulate`')
            [CompletionResult]::new('--operator', '--operator', [CompletionResultType]::ParameterName, 'Who works at this terminal, recorded in the history as "by" [default: config terminal.operator, else the login name]')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print exactly one JSON document on stdout (errors as JSON on stderr)')
            [CompletionResult]::new('--no-color', '--no-color', [CompletionResultType]::ParameterName, 'Never use colour (also honoured: NO_COLOR, TERM=dumb)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Log what seatctl does on stderr: -v tries, retries, lock waits and lost races; -vv also every SQL statement with its time (RUST_LOG, e.g. seatctl=debug,sqlx=debug, overrides)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Log what seatctl does on stderr: -v tries, retries, lock waits and lost races; -vv also every SQL statement with its time (RUST_LOG, e.g. seatctl=debug,sqlx=debug, overrides)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'seatctl;price;help' {
            [CompletionResult]::new('set', 'set', [CompletionResultType]::ParameterValue, 'Set the price of a category''s seats (or the event''s default) to AMOUNT (45, 45.50)')
            [CompletionResult]::new('clear', 'clear', [CompletionResultType]::ParameterValue, 'Remove a category''s price (or the default)')
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List the event''s prices')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'seatctl;price;help;set' {
            break
        }
        'seatctl;price;help;clear' {
            break
        }
        'seatctl;price;help;list' {
            break
        }
        'seatctl;price;help;help' {
            break
        }
        'seatctl;db' {
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file [default: ./seatctl.toml, else <config dir>/seatctl/config.toml]')
            [CompletionResult]::new('--database-url', '--database-url', [CompletionResultType]::ParameterName, 'Database: postgres://USER@HOST/DB or sqlite://PATH [default: embedded SQLite in the data dir]')
            [CompletionResult]::new('--redis-url', '--redis-url', [CompletionResultType]::ParameterName, 'Redis, for the `redis` strategy [default: redis://127.0.0.1:6379]')
            [CompletionResult]::new('--strategy', '--strategy', [CompletionResultType]::ParameterName, 'Concurrency strategy for seat changes [default: occ]; `all` only for `simulate`')
            [CompletionResult]::new('--operator', '--operator', [CompletionResultType]::ParameterName, 'Who works at this terminal, recorded in the history as "by" [default: config terminal.operator, else the login name]')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print exactly one JSON document on stdout (errors as JSON on stderr)')
            [CompletionResult]::new('--no-color', '--no-color', [CompletionResultType]::ParameterName, 'Never use colour (also honoured: NO_COLOR, TERM=dumb)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Log what seatctl does on stderr: -v tries, retries, lock waits and lost races; -vv also every SQL statement with its time (RUST_LOG, e.g. seatctl=debug,sqlx=debug, overrides)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Log what seatctl does on stderr: -v tries, retries, lock waits and lost races; -vv also every SQL statement with its time (RUST_LOG, e.g. seatctl=debug,sqlx=debug, overrides)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('migrate', 'migrate', [CompletionResultType]::ParameterValue, 'Apply pending migrations (safe to run repeatedly and concurrently)')
            [CompletionResult]::new('status', 'status', [CompletionResultType]::ParameterValue, 'Show which migrations are applied')
            [CompletionResult]::new('roles', 'roles', [CompletionResultType]::ParameterValue, 'Print (or with --apply, create) least-privilege PostgreSQL roles: PREFIXoperator, PREFIXbox_office, PREFIXreadonly (grant them to logins)')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'seatctl;db;migrate' {
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file [default: ./seatctl.toml, else <config dir>/seatctl/config.toml]')
            [CompletionResult]::new('--database-url', '--database-url', [CompletionResultType]::ParameterName, 'Database: postgres://USER@HOST/DB or sqlite://PATH [default: embedded SQLite in the data dir]')
            [CompletionResult]::new('--redis-url', '--redis-url', [CompletionResultType]::ParameterName, 'Redis, for the `redis` strategy [default: redis://127.0.0.1:6379]')
            [CompletionResult]::new('--strategy', '--strategy', [CompletionResultType]::ParameterName, 'Concurrency strategy for seat changes [default: occ]; `all` only for `simulate`')
            [CompletionResult]::new('--operator', '--operator', [CompletionResultType]::ParameterName, 'Who works at this terminal, recorded in the history as "by" [default: config terminal.operator, else the login name]')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print exactly one JSON document on stdout (errors as JSON on stderr)')
            [CompletionResult]::new('--no-color', '--no-color', [CompletionResultType]::ParameterName, 'Never use colour (also honoured: NO_COLOR, TERM=dumb)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Log what seatctl does on stderr: -v tries, retries, lock waits and lost races; -vv also every SQL statement with its time (RUST_LOG, e.g. seatctl=debug,sqlx=debug, overrides)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Log what seatctl does on stderr: -v tries, retries, lock waits and lost races; -vv also every SQL statement with its time (RUST_LOG, e.g. seatctl=debug,sqlx=debug, overrides)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'seatctl;db;status' {
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file [default: ./seatctl.toml, else <config dir>/seatctl/config.toml]')
            [CompletionResult]::new('--database-url', '--database-url', [CompletionResultType]::ParameterName, 'Database: postgres://USER@HOST/DB or sqlite://PATH [default: embedded SQLite in the data dir]')
            [CompletionResult]::new('--redis-url', '--redis-url', [CompletionResultType]::ParameterName, 'Redis, for the `redis` strategy [default: redis://127.0.0.1:6379]')
            [CompletionResult]::new('--strategy', '--strategy', [CompletionResultType]::ParameterName, 'Concurrency strategy for seat changes [default: occ]; `all` only for `simulate`')
            [CompletionResult]::new('--operator', '--operator', [CompletionResultType]::ParameterName, 'Who works at this terminal, recorded in the history as "by" [default: config terminal.operator, else the login name]')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print exactly one JSON document on stdout (errors as JSON on stderr)')
            [CompletionResult]::new('--no-color', '--no-color', [CompletionResultType]::ParameterName, 'Never use colour (also honoured: NO_COLOR, TERM=dumb)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Log what seatctl does on stderr: -v tries, retries, lock waits and lost races; -vv also every SQL statement with its time (RUST_LOG, e.g. seatctl=debug,sqlx=debug, overrides)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Log what seatctl does on stderr: -v tries, retries, lock waits and lost races; -vv also every SQL statement with its time (RUST_LOG, e.g. seatctl=debug,sqlx=debug, overrides)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'seatctl;db;roles' {
            [CompletionResult]::new('--prefix', '--prefix', [CompletionResultType]::ParameterName, 'The roles'' names start with this')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file [default: ./seatctl.toml, else <config dir>/seatctl/config.toml]')
            [CompletionResult]::new('--database-url', '--database-url', [CompletionResultType]::ParameterName, 'Database: postgres://USER@HOST/DB or sqlite://PATH [default: embedded SQLite in the data dir]')
            [CompletionResult]::new('--redis-url', '--redis-url', [CompletionResultType]::ParameterName, 'Redis, for the `redis` strategy [default: redis://127.0.0.1:6379]')
            [CompletionResult]::new('--strategy', '--strategy', [CompletionResultType]::ParameterName, 'Concurrency strategy for seat changes [default: occ]; `all` only for `simulate`')
            [CompletionResult]::new('--operator', '--operator', [CompletionResultType]::ParameterName, 'Who works at this terminal, recorded in the history as "by" [default: config terminal.operator, else the login name]')
            [CompletionResult]::new('--apply', '--apply', [CompletionResultType]::ParameterName, 'Run the SQL (as the schema''s owner or a superuser) instead of printing it')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print exactly one JSON document on stdout (errors as JSON on stderr)')
            [CompletionResult]::new('--no-color', '--no-color', [CompletionResultType]::ParameterName, 'Never use colour (also honoured: NO_COLOR, TERM=dumb)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Log what seatctl does on stderr: -v tries, retries, lock waits and lost races; -vv also every SQL statement with its time (RUST_LOG, e.g. seatctl=debug,sqlx=debug, overrides)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Log what seatctl does on stderr: -v tries, retries, lock waits and lost races; -vv also every SQL statement with its time (RUST_LOG, e.g. seatctl=debug,sqlx=debug, overrides)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'seatctl;db;help' {
            [CompletionResult]::new('migrate', 'migrate', [CompletionResultType]::ParameterValue, 'Apply pending migrations (safe to run repeatedly and concurrently)')
            [CompletionResult]::new('status', 'status', [CompletionResultType]::ParameterValue, 'Show which migrations are applied')
            [CompletionResult]::new('roles', 'roles', [CompletionResultType]::ParameterValue, 'Print (or with --apply, create) least-privilege PostgreSQL roles: PREFIXoperator, PREFIXbox_office, PREFIXreadonly (grant them to logins)')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'seatctl;db;help;migrate' {
            break
        }
        'seatctl;db;help;status' {
            break
        }
        'seatctl;db;help;roles' {
            break
        }
        'seatctl;db;help;help' {
            break
        }
        'seatctl;demo' {
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file [default: ./seatctl.toml, else <config dir>/seatctl/config.toml]')
            [CompletionResult]::new('--database-url', '--database-url', [CompletionResultType]::ParameterName, 'Database: postgres://USER@HOST/DB or sqlite://PATH [default: embedded SQLite in the data dir]')
            [CompletionResult]::new('--redis-url', '--redis-url', [CompletionResultType]::ParameterName, 'Redis, for the `redis` strategy [default: redis://127.0.0.1:6379]')
            [CompletionResult]::new('--strategy', '--strategy', [CompletionResultType]::ParameterName, 'Concurrency strategy for seat changes [default: occ]; `all` only for `simulate`')
            [CompletionResult]::new('--operator', '--operator', [CompletionResultType]::ParameterName, 'Who works at this terminal, recorded in the history as "by" [default: config terminal.operator, else the login name]')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print exactly one JSON document on stdout (errors as JSON on stderr)')
            [CompletionResult]::new('--no-color', '--no-color', [CompletionResultType]::ParameterName, 'Never use colour (also honoured: NO_COLOR, TERM=dumb)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Log what seatctl does on stderr: -v tries, retries, lock waits and lost races; -vv also every SQL statement with its time (RUST_LOG, e.g. seatctl=debug,sqlx=debug, overrides)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Log what seatctl does on stderr: -v tries, retries, lock waits and lost races; -vv also every SQL statement with its time (RUST_LOG, e.g. seatctl=debug,sqlx=debug, overrides)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'seatctl;doctor' {
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file [default: ./seatctl.toml, else <config dir>/seatctl/config.toml]')
            [CompletionResult]::new('--database-url', '--database-url', [CompletionResultType]::ParameterName, 'Database: postgres://USER@HOST/DB or sqlite://PATH [default: embedded SQLite in the data dir]')
            [CompletionResult]::new('--redis-url', '--redis-url', [CompletionResultType]::ParameterName, 'Redis, for the `redis` strategy [default: redis://127.0.0.1:6379]')
            [CompletionResult]::new('--strategy', '--strategy', [CompletionResultType]::ParameterName, 'Concurrency strategy for seat changes [default: occ]; `all` only for `simulate`')
            [CompletionResult]::new('--operator', '--operator', [CompletionResultType]::ParameterName, 'Who works at this terminal, recorded in the history as "by" [default: config terminal.operator, else the login name]')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print exactly one JSON document on stdout (errors as JSON on stderr)')
            [CompletionResult]::new('--no-color', '--no-color', [CompletionResultType]::ParameterName, 'Never use colour (also honoured: NO_COLOR, TERM=dumb)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Log what seatctl does on stderr: -v tries, retries, lock waits and lost races; -vv also every SQL statement with its time (RUST_LOG, e.g. seatctl=debug,sqlx=debug, overrides)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Log what seatctl does on stderr: -v tries, retries, lock waits and lost races; -vv also every SQL statement with its time (RUST_LOG, e.g. seatctl=debug,sqlx=debug, overrides)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'seatctl;report' {
            [CompletionResult]::new('--within', '--within', [CompletionResultType]::ParameterName, 'List holds lapsing within this time')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file [default: ./seatctl.toml, else <config dir>/seatctl/config.toml]')
            [CompletionResult]::new('--database-url', '--database-url', [CompletionResultType]::ParameterName, 'Database: postgres://USER@HOST/DB or sqlite://PATH [default: embedded SQLite in the data dir]')
            [CompletionResult]::new('--redis-url', '--redis-url', [CompletionResultType]::ParameterName, 'Redis, for the `redis` strategy [default: redis://127.0.0.1:6379]')
            [CompletionResult]::new('--strategy', '--strategy', [CompletionResultType]::ParameterName, 'Concurrency strategy for seat changes [default: occ]; `all` only for `simulate`')
            [CompletionResult]::new('--operator', '--operator', [CompletionResultType]::ParameterName, 'Who works at this terminal, recorded in the history as "by" [default: config terminal.operator, else the login name]')
            [CompletionResult]::new('--csv', '--csv', [CompletionResultType]::ParameterName, 'Print the counts as CSV (scope,name,total,available,held,reserved,blocked,sold_pct,revenue)')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print exactly one JSON document on stdout (errors as JSON on stderr)')
            [CompletionResult]::new('--no-color', '--no-color', [CompletionResultType]::ParameterName, 'Never use colour (also honoured: NO_COLOR, TERM=dumb)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Log what seatctl does on stderr: -v tries, retries, lock waits and lost races; -vv also every SQL statement with its time (RUST_LOG, e.g. seatctl=debug,sqlx=debug, overrides)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Log what seatctl does on stderr: -v tries, retries, lock waits and lost races; -vv also every SQL statement with its time (RUST_LOG, e.g. seatctl=debug,sqlx=debug, overrides)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'seatctl;export' {
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Write to this file instead of stdout (replaced whole, never half-written)')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Write to this file instead of stdout (replaced whole, never half-written)')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file [default: ./seatctl.toml, else <config dir>/seatctl/config.toml]')
            [CompletionResult]::new('--database-url', '--database-url', [CompletionResultType]::ParameterName, 'Database: postgres://USER@HOST/DB or sqlite://PATH [default: embedded SQLite in the data dir]')
            [CompletionResult]::new('--redis-url', '--redis-url', [CompletionResultType]::ParameterName, 'Redis, for the `redis` strategy [default: redis://127.0.0.1:6379]')
            [CompletionResult]::new('--strategy', '--strategy', [CompletionResultType]::ParameterName, 'Concurrency strategy for seat changes [default: occ]; `all` only for `simulate`')
            [CompletionResult]::new('--operator', '--operator', [CompletionResultType]::ParameterName, 'Who works at this terminal, recorded in the history as "by" [default: config terminal.operator, else the login name]')
            [CompletionResult]::new('--csv', '--csv', [CompletionResultType]::ParameterName, 'CSV (the default without --json)')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print exactly one JSON document on stdout (errors as JSON on stderr)')
            [CompletionResult]::new('--no-color', '--no-color', [CompletionResultType]::ParameterName, 'Never use colour (also honoured: NO_COLOR, TERM=dumb)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Log what seatctl does on stderr: -v tries, retries, lock waits and lost races; -vv also every SQL statement with its time (RUST_LOG, e.g. seatctl=debug,sqlx=debug, overrides)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Log what seatctl does on stderr: -v tries, retries, lock waits and lost races; -vv also every SQL statement with its time (RUST_LOG, e.g. seatctl=debug,sqlx=debug, overrides)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'seatctl;simulate' {
            [CompletionResult]::new('--event', '--event', [CompletionResultType]::ParameterName, 'Run on a throw-away copy of this event''s layout (id, name or unique prefix); its own seats are not touched unless --in-place')
            [CompletionResult]::new('--seats', '--seats', [CompletionResultType]::ParameterName, 'Create a throw-away event with N general-admission seats')
            [CompletionResult]::new('--layout', '--layout', [CompletionResultType]::ParameterName, 'Create a throw-away event from this layout file (CSV, TOML or JSON)')
            [CompletionResult]::new('--buyers', '--buyers', [CompletionResultType]::ParameterName, 'Concurrent buyers (closed loop); with --rate, the most buys in flight at once')
            [CompletionResult]::new('--connections', '--connections', [CompletionResultType]::ParameterName, 'Database connections, one per worker [default: min(buyers, 32)]')
            [CompletionResult]::new('--rate', '--rate', [CompletionResultType]::ParameterName, 'Open loop: R arrivals per second (Poisson); latency counts from each scheduled start')
            [CompletionResult]::new('--stages', '--stages', [CompletionResultType]::ParameterName, 'Open loop ramping from stage to stage: DURATION:RATE,… (k6''s stages), e.g. 10s:100,30s:1000,10s:0 (to 100/s over 10 s, to 1000/s over 30 s, down to 0 over 10 s); the run lasts their total')
            [CompletionResult]::new('--duration', '--duration', [CompletionResultType]::ParameterName, 'How long to measure, after the warm-up [default: 10s unless --ops]')
            [CompletionResult]::new('--ops', '--ops', [CompletionResultType]::ParameterName, 'Stop after N measured buys instead')
            [CompletionResult]::new('--warmup', '--warmup', [CompletionResultType]::ParameterName, 'Run this long first without counting it')
            [CompletionResult]::new('--party', '--party', [CompletionResultType]::ParameterName, 'Seats per buyer: fixed (2) or a range (1..4)')
            [CompletionResult]::new('--area', '--area', [CompletionResultType]::ParameterName, 'Buyers take --party places of this general-admission area instead of seats')
            [CompletionResult]::new('--hot', '--hot', [CompletionResultType]::ParameterName, 'Skew, SHARE:FRACTION: e.g. 0.8:0.1, 80% of buyers want seats in the best 10%')
            [CompletionResult]::new('--reserve-ratio', '--reserve-ratio', [CompletionResultType]::ParameterName, 'Share of holds turned into reservations; the rest are released (or abandoned)')
            [CompletionResult]::new('--abandon', '--abandon', [CompletionResultType]::ParameterName, 'Share of the holds not reserved that are left to lapse instead of released')
            [CompletionResult]::new('--mix', '--mix', [CompletionResultType]::ParameterName, 'Single operations by weight instead of whole buys: extend, reserve and release act on any recent hold of the run, from any process; every answer is then checked (history checker, exit 10); --reserve-ratio and --abandon do not apply. E.g. hold=50,extend=10,reserve=25,release=15')
            [CompletionResult]::new('--hold-ttl', '--hold-ttl', [CompletionResultType]::ParameterName, 'Hold TTL [default: reservation.hold_ttl]')
            [CompletionResult]::new('--seed', '--seed', [CompletionResultType]::ParameterName, 'Seed for seat choice, skew and decisions [default: random, printed in the report]')
            [CompletionResult]::new('--processes', '--processes', [CompletionResultType]::ParameterName, 'Spread the buyers over N seatctl processes (as many terminals would)')
            [CompletionResult]::new('--run-id', '--run-id', [CompletionResultType]::ParameterName, 'Name this run, so that results from several hosts can be merged')
            [CompletionResult]::new('--progress', '--progress', [CompletionResultType]::ParameterName, 'A progress line this often (on a terminal only; never with --json)')
            [CompletionResult]::new('--threshold', '--threshold', [CompletionResultType]::ParameterName, 'Fail (exit 11) unless a metric holds, e.g. ''p99<50ms'', ''conflict_rate<0.2'' (repeatable)')
            [CompletionResult]::new('--csv', '--csv', [CompletionResultType]::ParameterName, 'Write one CSV line per buy (start, end, buyer, seats, strategy, outcome, tries)')
            [CompletionResult]::new('--report', '--report', [CompletionResultType]::ParameterName, 'Write plots of latency percentiles and throughput over time (.svg or .html)')
            [CompletionResult]::new('--pause-after-lock', '--pause-after-lock', [CompletionResultType]::ParameterName, 'Fault: a buyer stalls this long after taking its locks, before writing')
            [CompletionResult]::new('--pause-prob', '--pause-prob', [CompletionResultType]::ParameterName, 'Fault: share of holds that stall (with --pause-after-lock) [default: 0.1]')
            [CompletionResult]::new('--kill-connection-prob', '--kill-connection-prob', [CompletionResultType]::ParameterName, 'Fault (PostgreSQL): share of holds whose connection the server terminates mid-transaction')
            [CompletionResult]::new('--fault-lost-answers', '--fault-lost-answers', [CompletionResultType]::ParameterName, 'Test-only: share of holds whose answer is lost after they commit (as when a connection breaks once COMMIT was sent), so the buyer must retry with its idempotency key')
            [CompletionResult]::new('--worker-plan', '--worker-plan', [CompletionResultType]::ParameterName, 'Internal: run as one worker process of --processes, with this share of the run (JSON), and print raw results')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file [default: ./seatctl.toml, else <config dir>/seatctl/config.toml]')
            [CompletionResult]::new('--database-url', '--database-url', [CompletionResultType]::ParameterName, 'Database: postgres://USER@HOST/DB or sqlite://PATH [default: embedded SQLite in the data dir]')
            [CompletionResult]::new('--redis-url', '--redis-url', [CompletionResultType]::ParameterName, 'Redis, for the `redis` strategy [default: redis://127.0.0.1:6379]')
            [CompletionResult]::new('--strategy', '--strategy', [CompletionResultType]::ParameterName, 'Concurrency strategy for seat changes [default: occ]; `all` only for `simulate`')
            [CompletionResult]::new('--operator', '--operator', [CompletionResultType]::ParameterName, 'Who works at this terminal, recorded in the history as "by" [default: config terminal.operator, else the login name]')
            [CompletionResult]::new('--in-place', '--in-place', [CompletionResultType]::ParameterName, 'With --event: sell the event''s own seats (real holds and reservations, left in place); refused when the event has holds or reservations no simulation made, unless --yes')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'With --in-place: sell the event''s seats even though it has real holds or reservations')
            [CompletionResult]::new('--keep', '--keep', [CompletionResultType]::ParameterName, 'Keep the throw-away event(s) afterwards, for inspection')
            [CompletionResult]::new('--best', '--best', [CompletionResultType]::ParameterName, 'Buyers ask for the best available seats instead of picking seats')
            [CompletionResult]::new('--fault-unguarded-writes', '--fault-unguarded-writes', [CompletionResultType]::ParameterName, 'Test-only sabotage: hold without the version guard, to show the audit catches it')
            [CompletionResult]::new('--fault-unguarded-extend', '--fault-unguarded-extend', [CompletionResultType]::ParameterName, 'Test-only sabotage (with --mix): extend without checking the hold''s state, to show the history checker catches it')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print exactly one JSON document on stdout (errors as JSON on stderr)')
            [CompletionResult]::new('--no-color', '--no-color', [CompletionResultType]::ParameterName, 'Never use colour (also honoured: NO_COLOR, TERM=dumb)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Log what seatctl does on stderr: -v tries, retries, lock waits and lost races; -vv also every SQL statement with its time (RUST_LOG, e.g. seatctl=debug,sqlx=debug, overrides)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Log what seatctl does on stderr: -v tries, retries, lock waits and lost races; -vv also every SQL statement with its time (RUST_LOG, e.g. seatctl=debug,sqlx=debug, overrides)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('merge', 'merge', [CompletionResultType]::ParameterValue, 'Merge `simulate --json` results from several hosts (same --run-id) into one report')
            [CompletionResult]::new('compare', 'compare', [CompletionResultType]::ParameterValue, 'Compare a run with a baseline, metric by metric; exit 11 when a --threshold budget is exceeded')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'seatctl;simulate;merge' {
            [CompletionResult]::new('--threshold', '--threshold', [CompletionResultType]::ParameterName, 'Check a metric of every strategy''s merged run, e.g. ''p99<50ms'' (repeatable; exit 11)')
            [CompletionResult]::new('--report', '--report', [CompletionResultType]::ParameterName, 'Write plots of latency percentiles and throughput over time (.svg or .html)')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file [default: ./seatctl.toml, else <config dir>/seatctl/config.toml]')
            [CompletionResult]::new('--database-url', '--database-url', [CompletionResultType]::ParameterName, 'Database: postgres://USER@HOST/DB or sqlite://PATH [default: embedded SQLite in the data dir]')
            [CompletionResult]::new('--redis-url', '--redis-url', [CompletionResultType]::ParameterName, 'Redis, for the `redis` strategy [default: redis://127.0.0.1:6379]')
            [CompletionResult]::new('--strategy', '--strategy', [CompletionResultType]::ParameterName, 'Concurrency strategy for seat changes [default: occ]; `all` only for `simulate`')
            [CompletionResult]::new('--operator', '--operator', [CompletionResultType]::ParameterName, 'Who works at this terminal, recorded in the history as "by" [default: config terminal.operator, else the login name]')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print exactly one JSON document on stdout (errors as JSON on stderr)')
            [CompletionResult]::new('--no-color', '--no-color', [CompletionResultType]::ParameterName, 'Never use colour (also honoured: NO_COLOR, TERM=dumb)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Log what seatctl does on stderr: -v tries, retries, lock waits and lost races; -vv also every SQL statement with its time (RUST_LOG, e.g. seatctl=debug,sqlx=debug, overrides)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Log what seatctl does on stderr: -v tries, retries, lock waits and lost races; -vv also every SQL statement with its time (RUST_LOG, e.g. seatctl=debug,sqlx=debug, overrides)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'seatctl;simulate;compare' {
            [CompletionResult]::new('--threshold', '--threshold', [CompletionResultType]::ParameterName, 'How far a metric may move: ''p99+10%'' (grow by at most 10%), ''holds_per_s-5%'' (fall by at most 5%); repeatable; exceeded: exit 11')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file [default: ./seatctl.toml, else <config dir>/seatctl/config.toml]')
            [CompletionResult]::new('--database-url', '--database-url', [CompletionResultType]::ParameterName, 'Database: postgres://USER@HOST/DB or sqlite://PATH [default: embedded SQLite in the data dir]')
            [CompletionResult]::new('--redis-url', '--redis-url', [CompletionResultType]::ParameterName, 'Redis, for the `redis` strategy [default: redis://127.0.0.1:6379]')
            [CompletionResult]::new('--strategy', '--strategy', [CompletionResultType]::ParameterName, 'Concurrency strategy for seat changes [default: occ]; `all` only for `simulate`')
            [CompletionResult]::new('--operator', '--operator', [CompletionResultType]::ParameterName, 'Who works at this terminal, recorded in the history as "by" [default: config terminal.operator, else the login name]')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print exactly one JSON document on stdout (errors as JSON on stderr)')
            [CompletionResult]::new('--no-color', '--no-color', [CompletionResultType]::ParameterName, 'Never use colour (also honoured: NO_COLOR, TERM=dumb)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Log what seatctl does on stderr: -v tries, retries, lock waits and lost races; -vv also every SQL statement with its time (RUST_LOG, e.g. seatctl=debug,sqlx=debug, overrides)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Log what seatctl does on stderr: -v tries, retries, lock waits and lost races; -vv also every SQL statement with its time (RUST_LOG, e.g. seatctl=debug,sqlx=debug, overrides)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'seatctl;simulate;help' {
            [CompletionResult]::new('merge', 'merge', [CompletionResultType]::ParameterValue, 'Merge `simulate --json` results from several hosts (same --run-id) into one report')
            [CompletionResult]::new('compare', 'compare', [CompletionResultType]::ParameterValue, 'Compare a run with a baseline, metric by metric; exit 11 when a --threshold budget is exceeded')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'seatctl;simulate;help;merge' {
            break
        }
        'seatctl;simulate;help;compare' {
            break
        }
        'seatctl;simulate;help;help' {
            break
        }
        'seatctl;serve' {
            [CompletionResult]::new('--listen', '--listen', [CompletionResultType]::ParameterName, 'Address to listen on, like 127.0.0.1:8080 or [::]:8080 (port 0: any free port) [default: server.listen]')
            [CompletionResult]::new('--log-format', '--log-format', [CompletionResultType]::ParameterName, 'Request logs on stderr: text, or json (one object per line) [default: server.log_format]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file [default: ./seatctl.toml, else <config dir>/seatctl/config.toml]')
            [CompletionResult]::new('--database-url', '--database-url', [CompletionResultType]::ParameterName, 'Database: postgres://USER@HOST/DB or sqlite://PATH [default: embedded SQLite in the data dir]')
            [CompletionResult]::new('--redis-url', '--redis-url', [CompletionResultType]::ParameterName, 'Redis, for the `redis` strategy [default: redis://127.0.0.1:6379]')
            [CompletionResult]::new('--strategy', '--strategy', [CompletionResultType]::ParameterName, 'Concurrency strategy for seat changes [default: occ]; `all` only for `simulate`')
            [CompletionResult]::new('--operator', '--operator', [CompletionResultType]::ParameterName, 'Who works at this terminal, recorded in the history as "by" [default: config terminal.operator, else the login name]')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print exactly one JSON document on stdout (errors as JSON on stderr)')
            [CompletionResult]::new('--no-color', '--no-color', [CompletionResultType]::ParameterName, 'Never use colour (also honoured: NO_COLOR, TERM=dumb)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Log what seatctl does on stderr: -v tries, retries, lock waits and lost races; -vv also every SQL statement with its time (RUST_LOG, e.g. seatctl=debug,sqlx=debug, overrides)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Log what seatctl does on stderr: -v tries, retries, lock waits and lost races; -vv also every SQL statement with its time (RUST_LOG, e.g. seatctl=debug,sqlx=debug, overrides)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'seatctl;apikey' {
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file [default: ./seatctl.toml, else <config dir>/seatctl/config.toml]')
            [CompletionResult]::new('--database-url', '--database-url', [CompletionResultType]::ParameterName, 'Database: postgres://USER@HOST/DB or sqlite://PATH [default: embedded SQLite in the data dir]')
            [CompletionResult]::new('--redis-url', '--redis-url', [CompletionResultType]::ParameterName, 'Redis, for the `redis` strategy [default: redis://127.0.0.1:6379]')
            [CompletionResult]::new('--strategy', '--strategy', [CompletionResultType]::ParameterName, 'Concurrency strategy for seat changes [default: occ]; `all` only for `simulate`')
            [CompletionResult]::new('--operator', '--operator', [CompletionResultType]::ParameterName, 'Who works at this terminal, recorded in the history as "by" [default: config terminal.operator, else the login name]')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print exactly one JSON document on stdout (errors as JSON on stderr)')
            [CompletionResult]::new('--no-color', '--no-color', [CompletionResultType]::ParameterName, 'Never use colour (also honoured: NO_COLOR, TERM=dumb)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Log what seatctl does on stderr: -v tries, retries, lock waits and lost races; -vv also every SQL statement with its time (RUST_LOG, e.g. seatctl=debug,sqlx=debug, overrides)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Log what seatctl does on stderr: -v tries, retries, lock waits and lost races; -vv also every SQL statement with its time (RUST_LOG, e.g. seatctl=debug,sqlx=debug, overrides)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('create', 'create', [CompletionResultType]::ParameterValue, 'Make a key for one caller (a kiosk, a web shop); it is printed this once')
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List the keys (never the keys themselves: their first characters)')
            [CompletionResult]::new('revoke', 'revoke', [CompletionResultType]::ParameterValue, 'Revoke a key by name: requests with it are refused from now on')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'seatctl;apikey;create' {
            [CompletionResult]::new('--name', '--name', [CompletionResultType]::ParameterName, 'The caller''s name, recorded in the history as "by" for every change it makes')
            [CompletionResult]::new('--role', '--role', [CompletionResultType]::ParameterName, 'operator: everything; box-office: sell (hold, extend, reserve, release) and read; readonly: read')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file [default: ./seatctl.toml, else <config dir>/seatctl/config.toml]')
            [CompletionResult]::new('--database-url', '--database-url', [CompletionResultType]::ParameterName, 'Database: postgres://USER@HOST/DB or sqlite://PATH [default: embedded SQLite in the data dir]')
            [CompletionResult]::new('--redis-url', '--redis-url', [CompletionResultType]::ParameterName, 'Redis, for the `redis` strategy [default: redis://127.0.0.1:6379]')
            [CompletionResult]::new('--strategy', '--strategy', [CompletionResultType]::ParameterName, 'Concurrency strategy for seat changes [default: occ]; `all` only for `simulate`')
            [CompletionResult]::new('--operator', '--operator', [CompletionResultType]::ParameterName, 'Who works at this terminal, recorded in the history as "by" [default: config terminal.operator, else the login name]')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only the key (for `key=$(seatctl apikey create …)`)')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only the key (for `key=$(seatctl apikey create …)`)')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print exactly one JSON document on stdout (errors as JSON on stderr)')
            [CompletionResult]::new('--no-color', '--no-color', [CompletionResultType]::ParameterName, 'Never use colour (also honoured: NO_COLOR, TERM=dumb)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Log what seatctl does on stderr: -v tries, retries, lock waits and lost races; -vv also every SQL statement with its time (RUST_LOG, e.g. seatctl=debug,sqlx=debug, overrides)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Log what seatctl does on stderr: -v tries, retries, lock waits and lost races; -vv also every SQL statement with its time (RUST_LOG, e.g. seatctl=debug,sqlx=debug, overrides)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'seatctl;apikey;list' {
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file [default: ./seatctl.toml, else <config dir>/seatctl/config.toml]')
            [CompletionResult]::new('--database-url', '--database-url', [CompletionResultType]::ParameterName, 'Database: postgres://USER@HOST/DB or sqlite://PATH [default: embedded SQLite in the data dir]')
            [CompletionResult]::new('--redis-url', '--redis-url', [CompletionResultType]::ParameterName, 'Redis, for the `redis` strategy [default: redis://127.0.0.1:6379]')
            [CompletionResult]::new('--strategy', '--strategy', [CompletionResultType]::ParameterName, 'Concurrency strategy for seat changes [default: occ]; `all` only for `simulate`')
            [CompletionResult]::new('--operator', '--operator', [CompletionResultType]::ParameterName, 'Who works at this terminal, recorded in the history as "by" [default: config terminal.operator, else the login name]')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print exactly one JSON document on stdout (errors as JSON on stderr)')
            [CompletionResult]::new('--no-color', '--no-color', [CompletionResultType]::ParameterName, 'Never use colour (also honoured: NO_COLOR, TERM=dumb)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Log what seatctl does on stderr: -v tries, retries, lock waits and lost races; -vv also every SQL statement with its time (RUST_LOG, e.g. seatctl=debug,sqlx=debug, overrides)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Log what seatctl does on stderr: -v tries, retries, lock waits and lost races; -vv also every SQL statement with its time (RUST_LOG, e.g. seatctl=debug,sqlx=debug, overrides)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'seatctl;apikey;revoke' {
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file [default: ./seatctl.toml, else <config dir>/seatctl/config.toml]')
            [CompletionResult]::new('--database-url', '--database-url', [CompletionResultType]::ParameterName, 'Database: postgres://USER@HOST/DB or sqlite://PATH [default: embedded SQLite in the data dir]')
            [CompletionResult]::new('--redis-url', '--redis-url', [CompletionResultType]::ParameterName, 'Redis, for the `redis` strategy [default: redis://127.0.0.1:6379]')
            [CompletionResult]::new('--strategy', '--strategy', [CompletionResultType]::ParameterName, 'Concurrency strategy for seat changes [default: occ]; `all` only for `simulate`')
            [CompletionResult]::new('--operator', '--operator', [CompletionResultType]::ParameterName, 'Who works at this terminal, recorded in the history as "by" [default: config terminal.operator, else the login name]')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print exactly one JSON document on stdout (errors as JSON on stderr)')
            [CompletionResult]::new('--no-color', '--no-color', [CompletionResultType]::ParameterName, 'Never use colour (also honoured: NO_COLOR, TERM=dumb)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Log what seatctl does on stderr: -v tries, retries, lock waits and lost races; -vv also every SQL statement with its time (RUST_LOG, e.g. seatctl=debug,sqlx=debug, overrides)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Log what seatctl does on stderr: -v tries, retries, lock waits and lost races; -vv also every SQL statement with its time (RUST_LOG, e.g. seatctl=debug,sqlx=debug, overrides)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'seatctl;apikey;help' {
            [CompletionResult]::new('create', 'create', [CompletionResultType]::ParameterValue, 'Make a key for one caller (a kiosk, a web shop); it is printed this once')
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List the keys (never the keys themselves: their first characters)')
            [CompletionResult]::new('revoke', 'revoke', [CompletionResultType]::ParameterValue, 'Revoke a key by name: requests with it are refused from now on')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'seatctl;apikey;help;create' {
            break
        }
        'seatctl;apikey;help;list' {
            break
        }
        'seatctl;apikey;help;revoke' {
            break
        }
        'seatctl;apikey;help;help' {
            break
        }
        'seatctl;audit' {
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file [default: ./seatctl.toml, else <config dir>/seatctl/config.toml]')
            [CompletionResult]::new('--database-url', '--database-url', [CompletionResultType]::ParameterName, 'Database: postgres://USER@HOST/DB or sqlite://PATH [default: embedded SQLite in the data dir]')
            [CompletionResult]::new('--redis-url', '--redis-url', [CompletionResultType]::ParameterName, 'Redis, for the `redis` strategy [default: redis://127.0.0.1:6379]')
            [CompletionResult]::new('--strategy', '--strategy', [CompletionResultType]::ParameterName, 'Concurrency strategy for seat changes [default: occ]; `all` only for `simulate`')
            [CompletionResult]::new('--operator', '--operator', [CompletionResultType]::ParameterName, 'Who works at this terminal, recorded in the history as "by" [default: config terminal.operator, else the login name]')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print exactly one JSON document on stdout (errors as JSON on stderr)')
            [CompletionResult]::new('--no-color', '--no-color', [CompletionResultType]::ParameterName, 'Never use colour (also honoured: NO_COLOR, TERM=dumb)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Log what seatctl does on stderr: -v tries, retries, lock waits and lost races; -vv also every SQL statement with its time (RUST_LOG, e.g. seatctl=debug,sqlx=debug, overrides)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Log what seatctl does on stderr: -v tries, retries, lock waits and lost races; -vv also every SQL statement with its time (RUST_LOG, e.g. seatctl=debug,sqlx=debug, overrides)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'seatctl;completions' {
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file [default: ./seatctl.toml, else <config dir>/seatctl/config.toml]')
            [CompletionResult]::new('--database-url', '--database-url', [CompletionResultType]::ParameterName, 'Database: postgres://USER@HOST/DB or sqlite://PATH [default: embedded SQLite in the data dir]')
            [CompletionResult]::new('--redis-url', '--redis-url', [CompletionResultType]::ParameterName, 'Redis, for the `redis` strategy [default: redis://127.0.0.1:6379]')
            [CompletionResult]::new('--strategy', '--strategy', [CompletionResultType]::ParameterName, 'Concurrency strategy for seat changes [default: occ]; `all` only for `simulate`')
            [CompletionResult]::new('--operator', '--operator', [CompletionResultType]::ParameterName, 'Who works at this terminal, recorded in the history as "by" [default: config terminal.operator, else the login name]')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print exactly one JSON document on stdout (errors as JSON on stderr)')
            [CompletionResult]::new('--no-color', '--no-color', [CompletionResultType]::ParameterName, 'Never use colour (also honoured: NO_COLOR, TERM=dumb)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Log what seatctl does on stderr: -v tries, retries, lock waits and lost races; -vv also every SQL statement with its time (RUST_LOG, e.g. seatctl=debug,sqlx=debug, overrides)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Log what seatctl does on stderr: -v tries, retries, lock waits and lost races; -vv also every SQL statement with its time (RUST_LOG, e.g. seatctl=debug,sqlx=debug, overrides)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'seatctl;man' {
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file [default: ./seatctl.toml, else <config dir>/seatctl/config.toml]')
            [CompletionResult]::new('--database-url', '--database-url', [CompletionResultType]::ParameterName, 'Database: postgres://USER@HOST/DB or sqlite://PATH [default: embedded SQLite in the data dir]')
            [CompletionResult]::new('--redis-url', '--redis-url', [CompletionResultType]::ParameterName, 'Redis, for the `redis` strategy [default: redis://127.0.0.1:6379]')
            [CompletionResult]::new('--strategy', '--strategy', [CompletionResultType]::ParameterName, 'Concurrency strategy for seat changes [default: occ]; `all` only for `simulate`')
            [CompletionResult]::new('--operator', '--operator', [CompletionResultType]::ParameterName, 'Who works at this terminal, recorded in the history as "by" [default: config terminal.operator, else the login name]')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print exactly one JSON document on stdout (errors as JSON on stderr)')
            [CompletionResult]::new('--no-color', '--no-color', [CompletionResultType]::ParameterName, 'Never use colour (also honoured: NO_COLOR, TERM=dumb)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Log what seatctl does on stderr: -v tries, retries, lock waits and lost races; -vv also every SQL statement with its time (RUST_LOG, e.g. seatctl=debug,sqlx=debug, overrides)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Log what seatctl does on stderr: -v tries, retries, lock waits and lost races; -vv also every SQL statement with its time (RUST_LOG, e.g. seatctl=debug,sqlx=debug, overrides)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'seatctl;help' {
            [CompletionResult]::new('event', 'event', [CompletionResultType]::ParameterValue, 'Create, list, show, update and delete events')
            [CompletionResult]::new('layout', 'layout', [CompletionResultType]::ParameterValue, 'Import seat layouts (CSV, TOML or JSON)')
            [CompletionResult]::new('seats', 'seats', [CompletionResultType]::ParameterValue, 'List an event''s seats, optionally filtered by status or section')
            [CompletionResult]::new('box-office', 'box-office', [CompletionResultType]::ParameterValue, 'Sell at a terminal: pick seats on the map, hold, reserve, refund (interactive)')
            [CompletionResult]::new('map', 'map', [CompletionResultType]::ParameterValue, 'Draw an event''s seat map')
            [CompletionResult]::new('watch', 'watch', [CompletionResultType]::ParameterValue, 'Watch an event''s seats change live: a map redrawn on every change, or JSON lines')
            [CompletionResult]::new('hold', 'hold', [CompletionResultType]::ParameterValue, 'Hold seats for a limited time, all or nothing')
            [CompletionResult]::new('extend', 'extend', [CompletionResultType]::ParameterValue, 'Extend an active hold')
            [CompletionResult]::new('reserve', 'reserve', [CompletionResultType]::ParameterValue, 'Turn every seat of an active hold into a reservation')
            [CompletionResult]::new('release', 'release', [CompletionResultType]::ParameterValue, 'Release a hold or a reservation, returning its seats to sale')
            [CompletionResult]::new('sweep', 'sweep', [CompletionResultType]::ParameterValue, 'Mark lapsed holds expired and tidy their seats (reads never depend on it)')
            [CompletionResult]::new('block', 'block', [CompletionResultType]::ParameterValue, 'Take seats out of sale (house seats, broken seats, camera positions)')
            [CompletionResult]::new('unblock', 'unblock', [CompletionResultType]::ParameterValue, 'Put blocked seats back on sale')
            [CompletionResult]::new('history', 'history', [CompletionResultType]::ParameterValue, 'Show the audit trail of seat changes')
            [CompletionResult]::new('reservations', 'reservations', [CompletionResultType]::ParameterValue, 'List an event''s reservations, by customer, reference or status')
            [CompletionResult]::new('holds', 'holds', [CompletionResultType]::ParameterValue, 'List an event''s holds, by holder or status')
            [CompletionResult]::new('price', 'price', [CompletionResultType]::ParameterValue, 'Prices per seat category, in the configured currency: set, clear, list')
            [CompletionResult]::new('db', 'db', [CompletionResultType]::ParameterValue, 'Database schema: migrate and status')
            [CompletionResult]::new('demo', 'demo', [CompletionResultType]::ParameterValue, 'Create a demo event from the example layout and show its map')
            [CompletionResult]::new('doctor', 'doctor', [CompletionResultType]::ParameterValue, 'Check the config, database and Redis this terminal would use')
            [CompletionResult]::new('report', 'report', [CompletionResultType]::ParameterValue, 'Sales by section, category and status; holds about to lapse; sales over time')
            [CompletionResult]::new('export', 'export', [CompletionResultType]::ParameterValue, 'Every seat with its status, holder and reservation reference (CSV or JSON)')
            [CompletionResult]::new('simulate', 'simulate', [CompletionResultType]::ParameterValue, 'Race simulated buyers for seats, report throughput and latency, audit the result')
            [CompletionResult]::new('serve', 'serve', [CompletionResultType]::ParameterValue, 'Serve the HTTP API (JSON under /v1, OpenAPI at /openapi.json, Swagger UI at /api)')
            [CompletionResult]::new('apikey', 'apikey', [CompletionResultType]::ParameterValue, 'API keys for `seatctl serve`: create, list, revoke')
            [CompletionResult]::new('audit', 'audit', [CompletionResultType]::ParameterValue, 'Check an event for double bookings and records that disagree (exit 10 if any)')
            [CompletionResult]::new('completions', 'completions', [CompletionResultType]::ParameterValue, 'Print a shell completion script')
            [CompletionResult]::new('man', 'man', [CompletionResultType]::ParameterValue, 'Print the manual page (roff): `seatctl man | man -l -`')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'seatctl;help;event' {
            [CompletionResult]::new('create', 'create', [CompletionResultType]::ParameterValue, 'Create an event with its seats (a general-admission count or a layout file)')
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List events with their seat counts')
            [CompletionResult]::new('show', 'show', [CompletionResultType]::ParameterValue, 'Show an event with its seat counts by status and by section')
            [CompletionResult]::new('update', 'update', [CompletionResultType]::ParameterValue, 'Rename an event, move its start or change its venue')
            [CompletionResult]::new('delete', 'delete', [CompletionResultType]::ParameterValue, 'Delete an event with its seats, holds, reservations and history')
            break
        }
        'seatctl;help;event;create' {
            break
        }
        'seatctl;help;event;list' {
            break
        }
        'seatctl;help;event;show' {
            break
        }
        'seatctl;help;event;update' {
            break
        }
        'seatctl;help;event;delete' {
            break
        }
        'seatctl;help;layout' {
            [CompletionResult]::new('import', 'import', [CompletionResultType]::ParameterValue, 'Import a layout file into an event, in one transaction (all or nothing)')
            [CompletionResult]::new('check', 'check', [CompletionResultType]::ParameterValue, 'Validate a layout file without touching the database')
            break
        }
        'seatctl;help;layout;import' {
            break
        }
        'seatctl;help;layout;check' {
            break
        }
        'seatctl;help;seats' {
            break
        }
        'seatctl;help;box-office' {
            break
        }
        'seatctl;help;map' {
            break
        }
        'seatctl;help;watch' {
            break
        }
        'seatctl;help;hold' {
            break
        }
        'seatctl;help;extend' {
            break
        }
        'seatctl;help;reserve' {
            break
        }
        'seatctl;help;release' {
            break
        }
        'seatctl;help;sweep' {
            break
        }
        'seatctl;help;block' {
            break
        }
        'seatctl;help;unblock' {
            break
        }
        'seatctl;help;history' {
            break
        }
        'seatctl;help;reservations' {
            break
        }
        'seatctl;help;holds' {
            break
        }
        'seatctl;help;price' {
            [CompletionResult]::new('set', 'set', [CompletionResultType]::ParameterValue, 'Set the price of a category''s seats (or the event''s default) to AMOUNT (45, 45.50)')
            [CompletionResult]::new('clear', 'clear', [CompletionResultType]::ParameterValue, 'Remove a category''s price (or the default)')
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List the event''s prices')
            break
        }
        'seatctl;help;price;set' {
            break
        }
        'seatctl;help;price;clear' {
            break
        }
        'seatctl;help;price;list' {
            break
        }
        'seatctl;help;db' {
            [CompletionResult]::new('migrate', 'migrate', [CompletionResultType]::ParameterValue, 'Apply pending migrations (safe to run repeatedly and concurrently)')
            [CompletionResult]::new('status', 'status', [CompletionResultType]::ParameterValue, 'Show which migrations are applied')
            [CompletionResult]::new('roles', 'roles', [CompletionResultType]::ParameterValue, 'Print (or with --apply, create) least-privilege PostgreSQL roles: PREFIXoperator, PREFIXbox_office, PREFIXreadonly (grant them to logins)')
            break
        }
        'seatctl;help;db;migrate' {
            break
        }
        'seatctl;help;db;status' {
            break
        }
        'seatctl;help;db;roles' {
            break
        }
        'seatctl;help;demo' {
            break
        }
        'seatctl;help;doctor' {
            break
        }
        'seatctl;help;report' {
            break
        }
        'seatctl;help;export' {
            break
        }
        'seatctl;help;simulate' {
            [CompletionResult]::new('merge', 'merge', [CompletionResultType]::ParameterValue, 'Merge `simulate --json` results from several hosts (same --run-id) into one report')
            [CompletionResult]::new('compare', 'compare', [CompletionResultType]::ParameterValue, 'Compare a run with a baseline, metric by metric; exit 11 when a --threshold budget is exceeded')
            break
        }
        'seatctl;help;simulate;merge' {
            break
        }
        'seatctl;help;simulate;compare' {
            break
        }
        'seatctl;help;serve' {
            break
        }
        'seatctl;help;apikey' {
            [CompletionResult]::new('create', 'create', [CompletionResultType]::ParameterValue, 'Make a key for one caller (a kiosk, a web shop); it is printed this once')
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List the keys (never the keys themselves: their first characters)')
            [CompletionResult]::new('revoke', 'revoke', [CompletionResultType]::ParameterValue, 'Revoke a key by name: requests with it are refused from now on')
            break
        }
        'seatctl;help;apikey;create' {
            break
        }
        'seatctl;help;apikey;list' {
            break
        }
        'seatctl;help;apikey;revoke' {
            break
        }
        'seatctl;help;audit' {
            break
        }
        'seatctl;help;completions' {
            break
        }
        'seatctl;help;man' {
            break
        }
        'seatctl;help;help' {
            break
        }
    })

    $completions.Where{ $_.CompletionText -like "$wordToComplete*" } |
        Sort-Object -Property ListItemText
}
