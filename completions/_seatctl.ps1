
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
            [CompletionResult]::new('--strategy', '--strategy', [CompletionResultType]::ParameterName, 'Concurrency strategy for seat changes [default: occ]')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print exactly one JSON document on stdout (errors as JSON on stderr)')
            [CompletionResult]::new('--no-color', '--no-color', [CompletionResultType]::ParameterName, 'Never use colour (also honoured: NO_COLOR, TERM=dumb)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('event', 'event', [CompletionResultType]::ParameterValue, 'Create, list, show and delete events')
            [CompletionResult]::new('layout', 'layout', [CompletionResultType]::ParameterValue, 'Import seat layouts (CSV, TOML or JSON)')
            [CompletionResult]::new('seats', 'seats', [CompletionResultType]::ParameterValue, 'List an event''s seats, optionally filtered by status or section')
            [CompletionResult]::new('map', 'map', [CompletionResultType]::ParameterValue, 'Draw an event''s seat map')
            [CompletionResult]::new('hold', 'hold', [CompletionResultType]::ParameterValue, 'Hold seats for a limited time, all or nothing')
            [CompletionResult]::new('extend', 'extend', [CompletionResultType]::ParameterValue, 'Extend an active hold')
            [CompletionResult]::new('reserve', 'reserve', [CompletionResultType]::ParameterValue, 'Turn every seat of an active hold into a reservation')
            [CompletionResult]::new('release', 'release', [CompletionResultType]::ParameterValue, 'Release a hold or a reservation, returning its seats to sale')
            [CompletionResult]::new('sweep', 'sweep', [CompletionResultType]::ParameterValue, 'Mark lapsed holds expired and tidy their seats (reads never depend on it)')
            [CompletionResult]::new('history', 'history', [CompletionResultType]::ParameterValue, 'Show the audit trail of seat changes')
            [CompletionResult]::new('db', 'db', [CompletionResultType]::ParameterValue, 'Database schema: migrate and status')
            [CompletionResult]::new('demo', 'demo', [CompletionResultType]::ParameterValue, 'Create a demo event from the example layout and show its map')
            [CompletionResult]::new('doctor', 'doctor', [CompletionResultType]::ParameterValue, 'Check the config, database and Redis this terminal would use')
            [CompletionResult]::new('completions', 'completions', [CompletionResultType]::ParameterValue, 'Print a shell completion script')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'seatctl;event' {
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file [default: ./seatctl.toml, else <config dir>/seatctl/config.toml]')
            [CompletionResult]::new('--database-url', '--database-url', [CompletionResultType]::ParameterName, 'Database: postgres://USER@HOST/DB or sqlite://PATH [default: embedded SQLite in the data dir]')
            [CompletionResult]::new('--redis-url', '--redis-url', [CompletionResultType]::ParameterName, 'Redis, for the `redis` strategy [default: redis://127.0.0.1:6379]')
            [CompletionResult]::new('--strategy', '--strategy', [CompletionResultType]::ParameterName, 'Concurrency strategy for seat changes [default: occ]')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print exactly one JSON document on stdout (errors as JSON on stderr)')
            [CompletionResult]::new('--no-color', '--no-color', [CompletionResultType]::ParameterName, 'Never use colour (also honoured: NO_COLOR, TERM=dumb)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('create', 'create', [CompletionResultType]::ParameterValue, 'Create an event with its seats (a general-admission count or a layout file)')
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List events with their seat counts')
            [CompletionResult]::new('show', 'show', [CompletionResultType]::ParameterValue, 'Show an event with its seat counts by status and by section')
            [CompletionResult]::new('delete', 'delete', [CompletionResultType]::ParameterValue, 'Delete an event with its seats, holds, reservations and history')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'seatctl;event;create' {
            [CompletionResult]::new('--name', '--name', [CompletionResultType]::ParameterName, 'Event name, unique; commands accept it (or a unique prefix) wherever an EVENT is asked')
            [CompletionResult]::new('--starts-at', '--starts-at', [CompletionResultType]::ParameterName, 'Start time, RFC 3339 (e.g. 2026-12-31T20:00:00+01:00)')
            [CompletionResult]::new('--venue', '--venue', [CompletionResultType]::ParameterName, 'Venue name')
            [CompletionResult]::new('--seats', '--seats', [CompletionResultType]::ParameterName, 'One section of N seats labelled 1..N')
            [CompletionResult]::new('--layout', '--layout', [CompletionResultType]::ParameterName, 'A layout file (.csv, .toml or .json); see the README for the formats')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file [default: ./seatctl.toml, else <config dir>/seatctl/config.toml]')
            [CompletionResult]::new('--database-url', '--database-url', [CompletionResultType]::ParameterName, 'Database: postgres://USER@HOST/DB or sqlite://PATH [default: embedded SQLite in the data dir]')
            [CompletionResult]::new('--redis-url', '--redis-url', [CompletionResultType]::ParameterName, 'Redis, for the `redis` strategy [default: redis://127.0.0.1:6379]')
            [CompletionResult]::new('--strategy', '--strategy', [CompletionResultType]::ParameterName, 'Concurrency strategy for seat changes [default: occ]')
            [CompletionResult]::new('--if-not-exists', '--if-not-exists', [CompletionResultType]::ParameterName, 'If an event with this name exists, report it (exit 0) instead of failing with exit 3')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print exactly one JSON document on stdout (errors as JSON on stderr)')
            [CompletionResult]::new('--no-color', '--no-color', [CompletionResultType]::ParameterName, 'Never use colour (also honoured: NO_COLOR, TERM=dumb)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'seatctl;event;list' {
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file [default: ./seatctl.toml, else <config dir>/seatctl/config.toml]')
            [CompletionResult]::new('--database-url', '--database-url', [CompletionResultType]::ParameterName, 'Database: postgres://USER@HOST/DB or sqlite://PATH [default: embedded SQLite in the data dir]')
            [CompletionResult]::new('--redis-url', '--redis-url', [CompletionResultType]::ParameterName, 'Redis, for the `redis` strategy [default: redis://127.0.0.1:6379]')
            [CompletionResult]::new('--strategy', '--strategy', [CompletionResultType]::ParameterName, 'Concurrency strategy for seat changes [default: occ]')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print exactly one JSON document on stdout (errors as JSON on stderr)')
            [CompletionResult]::new('--no-color', '--no-color', [CompletionResultType]::ParameterName, 'Never use colour (also honoured: NO_COLOR, TERM=dumb)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'seatctl;event;show' {
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file [default: ./seatctl.toml, else <config dir>/seatctl/config.toml]')
            [CompletionResult]::new('--database-url', '--database-url', [CompletionResultType]::ParameterName, 'Database: postgres://USER@HOST/DB or sqlite://PATH [default: embedded SQLite in the data dir]')
            [CompletionResult]::new('--redis-url', '--redis-url', [CompletionResultType]::ParameterName, 'Redis, for the `redis` strategy [default: redis://127.0.0.1:6379]')
            [CompletionResult]::new('--strategy', '--strategy', [CompletionResultType]::ParameterName, 'Concurrency strategy for seat changes [default: occ]')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print exactly one JSON document on stdout (errors as JSON on stderr)')
            [CompletionResult]::new('--no-color', '--no-color', [CompletionResultType]::ParameterName, 'Never use colour (also honoured: NO_COLOR, TERM=dumb)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'seatctl;event;delete' {
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file [default: ./seatctl.toml, else <config dir>/seatctl/config.toml]')
            [CompletionResult]::new('--database-url', '--database-url', [CompletionResultType]::ParameterName, 'Database: postgres://USER@HOST/DB or sqlite://PATH [default: embedded SQLite in the data dir]')
            [CompletionResult]::new('--redis-url', '--redis-url', [CompletionResultType]::ParameterName, 'Redis, for the `redis` strategy [default: redis://127.0.0.1:6379]')
            [CompletionResult]::new('--strategy', '--strategy', [CompletionResultType]::ParameterName, 'Concurrency strategy for seat changes [default: occ]')
            [CompletionResult]::new('--force', '--force', [CompletionResultType]::ParameterName, 'Delete even if seats are held or reserved')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Do not ask for confirmation (required when not on a terminal)')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Do not ask for confirmation (required when not on a terminal)')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print exactly one JSON document on stdout (errors as JSON on stderr)')
            [CompletionResult]::new('--no-color', '--no-color', [CompletionResultType]::ParameterName, 'Never use colour (also honoured: NO_COLOR, TERM=dumb)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'seatctl;event;help' {
            [CompletionResult]::new('create', 'create', [CompletionResultType]::ParameterValue, 'Create an event with its seats (a general-admission count or a layout file)')
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List events with their seat counts')
            [CompletionResult]::new('show', 'show', [CompletionResultType]::ParameterValue, 'Show an event with its seat counts by status and by section')
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
            [CompletionResult]::new('--strategy', '--strategy', [CompletionResultType]::ParameterName, 'Concurrency strategy for seat changes [default: occ]')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print exactly one JSON document on stdout (errors as JSON on stderr)')
            [CompletionResult]::new('--no-color', '--no-color', [CompletionResultType]::ParameterName, 'Never use colour (also honoured: NO_COLOR, TERM=dumb)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('import', 'import', [CompletionResultType]::ParameterValue, 'Import a layout file into an event, in one transaction (all or nothing)')
            [CompletionResult]::new('check', 'check', [CompletionResultType]::ParameterValue, 'Validate a layout file without touching the database')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'seatctl;layout;import' {
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file [default: ./seatctl.toml, else <config dir>/seatctl/config.toml]')
            [CompletionResult]::new('--database-url', '--database-url', [CompletionResultType]::ParameterName, 'Database: postgres://USER@HOST/DB or sqlite://PATH [default: embedded SQLite in the data dir]')
            [CompletionResult]::new('--redis-url', '--redis-url', [CompletionResultType]::ParameterName, 'Redis, for the `redis` strategy [default: redis://127.0.0.1:6379]')
            [CompletionResult]::new('--strategy', '--strategy', [CompletionResultType]::ParameterName, 'Concurrency strategy for seat changes [default: occ]')
            [CompletionResult]::new('--replace', '--replace', [CompletionResultType]::ParameterName, 'Replace the event''s existing layout (refused while any seat is held or reserved)')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print exactly one JSON document on stdout (errors as JSON on stderr)')
            [CompletionResult]::new('--no-color', '--no-color', [CompletionResultType]::ParameterName, 'Never use colour (also honoured: NO_COLOR, TERM=dumb)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'seatctl;layout;check' {
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file [default: ./seatctl.toml, else <config dir>/seatctl/config.toml]')
            [CompletionResult]::new('--database-url', '--database-url', [CompletionResultType]::ParameterName, 'Database: postgres://USER@HOST/DB or sqlite://PATH [default: embedded SQLite in the data dir]')
            [CompletionResult]::new('--redis-url', '--redis-url', [CompletionResultType]::ParameterName, 'Redis, for the `redis` strategy [default: redis://127.0.0.1:6379]')
            [CompletionResult]::new('--strategy', '--strategy', [CompletionResultType]::ParameterName, 'Concurrency strategy for seat changes [default: occ]')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print exactly one JSON document on stdout (errors as JSON on stderr)')
            [CompletionResult]::new('--no-color', '--no-color', [CompletionResultType]::ParameterName, 'Never use colour (also honoured: NO_COLOR, TERM=dumb)')
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
            [CompletionResult]::new('--strategy', '--strategy', [CompletionResultType]::ParameterName, 'Concurrency strategy for seat changes [default: occ]')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print exactly one JSON document on stdout (errors as JSON on stderr)')
            [CompletionResult]::new('--no-color', '--no-color', [CompletionResultType]::ParameterName, 'Never use colour (also honoured: NO_COLOR, TERM=dumb)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'seatctl;map' {
            [CompletionResult]::new('--section', '--section', [CompletionResultType]::ParameterName, 'Draw only this section')
            [CompletionResult]::new('--width', '--width', [CompletionResultType]::ParameterName, 'Width to draw for [default: the terminal''s width, else $COLUMNS, else 80]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file [default: ./seatctl.toml, else <config dir>/seatctl/config.toml]')
            [CompletionResult]::new('--database-url', '--database-url', [CompletionResultType]::ParameterName, 'Database: postgres://USER@HOST/DB or sqlite://PATH [default: embedded SQLite in the data dir]')
            [CompletionResult]::new('--redis-url', '--redis-url', [CompletionResultType]::ParameterName, 'Redis, for the `redis` strategy [default: redis://127.0.0.1:6379]')
            [CompletionResult]::new('--strategy', '--strategy', [CompletionResultType]::ParameterName, 'Concurrency strategy for seat changes [default: occ]')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print exactly one JSON document on stdout (errors as JSON on stderr)')
            [CompletionResult]::new('--no-color', '--no-color', [CompletionResultType]::ParameterName, 'Never use colour (also honoured: NO_COLOR, TERM=dumb)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'seatctl;hold' {
            [CompletionResult]::new('--best', '--best', [CompletionResultType]::ParameterName, 'Hold the N best available seats instead: side by side in one row when possible, front rows and row centres first, sections in layout order')
            [CompletionResult]::new('--section', '--section', [CompletionResultType]::ParameterName, 'With --best: only this section')
            [CompletionResult]::new('--category', '--category', [CompletionResultType]::ParameterName, 'With --best: only this category')
            [CompletionResult]::new('--ttl', '--ttl', [CompletionResultType]::ParameterName, 'How long the hold lasts [default: reservation.hold_ttl, 10m]')
            [CompletionResult]::new('--holder', '--holder', [CompletionResultType]::ParameterName, 'Who holds the seats (shown in the history)')
            [CompletionResult]::new('--idempotency-key', '--idempotency-key', [CompletionResultType]::ParameterName, 'Retrying with the same key returns the same hold instead of holding twice')
            [CompletionResult]::new('--pause-after-lock', '--pause-after-lock', [CompletionResultType]::ParameterName, 'Fault injection: stall after taking the locks and reading the seats, before the guarded write, as a paused process would')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file [default: ./seatctl.toml, else <config dir>/seatctl/config.toml]')
            [CompletionResult]::new('--database-url', '--database-url', [CompletionResultType]::ParameterName, 'Database: postgres://USER@HOST/DB or sqlite://PATH [default: embedded SQLite in the data dir]')
            [CompletionResult]::new('--redis-url', '--redis-url', [CompletionResultType]::ParameterName, 'Redis, for the `redis` strategy [default: redis://127.0.0.1:6379]')
            [CompletionResult]::new('--strategy', '--strategy', [CompletionResultType]::ParameterName, 'Concurrency strategy for seat changes [default: occ]')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print exactly one JSON document on stdout (errors as JSON on stderr)')
            [CompletionResult]::new('--no-color', '--no-color', [CompletionResultType]::ParameterName, 'Never use colour (also honoured: NO_COLOR, TERM=dumb)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'seatctl;extend' {
            [CompletionResult]::new('--ttl', '--ttl', [CompletionResultType]::ParameterName, 'New lifetime, counted from now [default: reservation.hold_ttl]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file [default: ./seatctl.toml, else <config dir>/seatctl/config.toml]')
            [CompletionResult]::new('--database-url', '--database-url', [CompletionResultType]::ParameterName, 'Database: postgres://USER@HOST/DB or sqlite://PATH [default: embedded SQLite in the data dir]')
            [CompletionResult]::new('--redis-url', '--redis-url', [CompletionResultType]::ParameterName, 'Redis, for the `redis` strategy [default: redis://127.0.0.1:6379]')
            [CompletionResult]::new('--strategy', '--strategy', [CompletionResultType]::ParameterName, 'Concurrency strategy for seat changes [default: occ]')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print exactly one JSON document on stdout (errors as JSON on stderr)')
            [CompletionResult]::new('--no-color', '--no-color', [CompletionResultType]::ParameterName, 'Never use colour (also honoured: NO_COLOR, TERM=dumb)')
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
            [CompletionResult]::new('--strategy', '--strategy', [CompletionResultType]::ParameterName, 'Concurrency strategy for seat changes [default: occ]')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print exactly one JSON document on stdout (errors as JSON on stderr)')
            [CompletionResult]::new('--no-color', '--no-color', [CompletionResultType]::ParameterName, 'Never use colour (also honoured: NO_COLOR, TERM=dumb)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'seatctl;release' {
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file [default: ./seatctl.toml, else <config dir>/seatctl/config.toml]')
            [CompletionResult]::new('--database-url', '--database-url', [CompletionResultType]::ParameterName, 'Database: postgres://USER@HOST/DB or sqlite://PATH [default: embedded SQLite in the data dir]')
            [CompletionResult]::new('--redis-url', '--redis-url', [CompletionResultType]::ParameterName, 'Redis, for the `redis` strategy [default: redis://127.0.0.1:6379]')
            [CompletionResult]::new('--strategy', '--strategy', [CompletionResultType]::ParameterName, 'Concurrency strategy for seat changes [default: occ]')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print exactly one JSON document on stdout (errors as JSON on stderr)')
            [CompletionResult]::new('--no-color', '--no-color', [CompletionResultType]::ParameterName, 'Never use colour (also honoured: NO_COLOR, TERM=dumb)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'seatctl;sweep' {
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file [default: ./seatctl.toml, else <config dir>/seatctl/config.toml]')
            [CompletionResult]::new('--database-url', '--database-url', [CompletionResultType]::ParameterName, 'Database: postgres://USER@HOST/DB or sqlite://PATH [default: embedded SQLite in the data dir]')
            [CompletionResult]::new('--redis-url', '--redis-url', [CompletionResultType]::ParameterName, 'Redis, for the `redis` strategy [default: redis://127.0.0.1:6379]')
            [CompletionResult]::new('--strategy', '--strategy', [CompletionResultType]::ParameterName, 'Concurrency strategy for seat changes [default: occ]')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print exactly one JSON document on stdout (errors as JSON on stderr)')
            [CompletionResult]::new('--no-color', '--no-color', [CompletionResultType]::ParameterName, 'Never use colour (also honoured: NO_COLOR, TERM=dumb)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'seatctl;history' {
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file [default: ./seatctl.toml, else <config dir>/seatctl/config.toml]')
            [CompletionResult]::new('--database-url', '--database-url', [CompletionResultType]::ParameterName, 'Database: postgres://USER@HOST/DB or sqlite://PATH [default: embedded SQLite in the data dir]')
            [CompletionResult]::new('--redis-url', '--redis-url', [CompletionResultType]::ParameterName, 'Redis, for the `redis` strategy [default: redis://127.0.0.1:6379]')
            [CompletionResult]::new('--strategy', '--strategy', [CompletionResultType]::ParameterName, 'Concurrency strategy for seat changes [default: occ]')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print exactly one JSON document on stdout (errors as JSON on stderr)')
            [CompletionResult]::new('--no-color', '--no-color', [CompletionResultType]::ParameterName, 'Never use colour (also honoured: NO_COLOR, TERM=dumb)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'seatctl;db' {
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file [default: ./seatctl.toml, else <config dir>/seatctl/config.toml]')
            [CompletionResult]::new('--database-url', '--database-url', [CompletionResultType]::ParameterName, 'Database: postgres://USER@HOST/DB or sqlite://PATH [default: embedded SQLite in the data dir]')
            [CompletionResult]::new('--redis-url', '--redis-url', [CompletionResultType]::ParameterName, 'Redis, for the `redis` strategy [default: redis://127.0.0.1:6379]')
            [CompletionResult]::new('--strategy', '--strategy', [CompletionResultType]::ParameterName, 'Concurrency strategy for seat changes [default: occ]')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print exactly one JSON document on stdout (errors as JSON on stderr)')
            [CompletionResult]::new('--no-color', '--no-color', [CompletionResultType]::ParameterName, 'Never use colour (also honoured: NO_COLOR, TERM=dumb)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('migrate', 'migrate', [CompletionResultType]::ParameterValue, 'Apply pending migrations (safe to run repeatedly and concurrently)')
            [CompletionResult]::new('status', 'status', [CompletionResultType]::ParameterValue, 'Show which migrations are applied')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'seatctl;db;migrate' {
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file [default: ./seatctl.toml, else <config dir>/seatctl/config.toml]')
            [CompletionResult]::new('--database-url', '--database-url', [CompletionResultType]::ParameterName, 'Database: postgres://USER@HOST/DB or sqlite://PATH [default: embedded SQLite in the data dir]')
            [CompletionResult]::new('--redis-url', '--redis-url', [CompletionResultType]::ParameterName, 'Redis, for the `redis` strategy [default: redis://127.0.0.1:6379]')
            [CompletionResult]::new('--strategy', '--strategy', [CompletionResultType]::ParameterName, 'Concurrency strategy for seat changes [default: occ]')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print exactly one JSON document on stdout (errors as JSON on stderr)')
            [CompletionResult]::new('--no-color', '--no-color', [CompletionResultType]::ParameterName, 'Never use colour (also honoured: NO_COLOR, TERM=dumb)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'seatctl;db;status' {
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file [default: ./seatctl.toml, else <config dir>/seatctl/config.toml]')
            [CompletionResult]::new('--database-url', '--database-url', [CompletionResultType]::ParameterName, 'Database: postgres://USER@HOST/DB or sqlite://PATH [default: embedded SQLite in the data dir]')
            [CompletionResult]::new('--redis-url', '--redis-url', [CompletionResultType]::ParameterName, 'Redis, for the `redis` strategy [default: redis://127.0.0.1:6379]')
            [CompletionResult]::new('--strategy', '--strategy', [CompletionResultType]::ParameterName, 'Concurrency strategy for seat changes [default: occ]')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print exactly one JSON document on stdout (errors as JSON on stderr)')
            [CompletionResult]::new('--no-color', '--no-color', [CompletionResultType]::ParameterName, 'Never use colour (also honoured: NO_COLOR, TERM=dumb)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'seatctl;db;help' {
            [CompletionResult]::new('migrate', 'migrate', [CompletionResultType]::ParameterValue, 'Apply pending migrations (safe to run repeatedly and concurrently)')
            [CompletionResult]::new('status', 'status', [CompletionResultType]::ParameterValue, 'Show which migrations are applied')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'seatctl;db;help;migrate' {
            break
        }
        'seatctl;db;help;status' {
            break
        }
        'seatctl;db;help;help' {
            break
        }
        'seatctl;demo' {
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file [default: ./seatctl.toml, else <config dir>/seatctl/config.toml]')
            [CompletionResult]::new('--database-url', '--database-url', [CompletionResultType]::ParameterName, 'Database: postgres://USER@HOST/DB or sqlite://PATH [default: embedded SQLite in the data dir]')
            [CompletionResult]::new('--redis-url', '--redis-url', [CompletionResultType]::ParameterName, 'Redis, for the `redis` strategy [default: redis://127.0.0.1:6379]')
            [CompletionResult]::new('--strategy', '--strategy', [CompletionResultType]::ParameterName, 'Concurrency strategy for seat changes [default: occ]')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print exactly one JSON document on stdout (errors as JSON on stderr)')
            [CompletionResult]::new('--no-color', '--no-color', [CompletionResultType]::ParameterName, 'Never use colour (also honoured: NO_COLOR, TERM=dumb)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'seatctl;doctor' {
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file [default: ./seatctl.toml, else <config dir>/seatctl/config.toml]')
            [CompletionResult]::new('--database-url', '--database-url', [CompletionResultType]::ParameterName, 'Database: postgres://USER@HOST/DB or sqlite://PATH [default: embedded SQLite in the data dir]')
            [CompletionResult]::new('--redis-url', '--redis-url', [CompletionResultType]::ParameterName, 'Redis, for the `redis` strategy [default: redis://127.0.0.1:6379]')
            [CompletionResult]::new('--strategy', '--strategy', [CompletionResultType]::ParameterName, 'Concurrency strategy for seat changes [default: occ]')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print exactly one JSON document on stdout (errors as JSON on stderr)')
            [CompletionResult]::new('--no-color', '--no-color', [CompletionResultType]::ParameterName, 'Never use colour (also honoured: NO_COLOR, TERM=dumb)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'seatctl;completions' {
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file [default: ./seatctl.toml, else <config dir>/seatctl/config.toml]')
            [CompletionResult]::new('--database-url', '--database-url', [CompletionResultType]::ParameterName, 'Database: postgres://USER@HOST/DB or sqlite://PATH [default: embedded SQLite in the data dir]')
            [CompletionResult]::new('--redis-url', '--redis-url', [CompletionResultType]::ParameterName, 'Redis, for the `redis` strategy [default: redis://127.0.0.1:6379]')
            [CompletionResult]::new('--strategy', '--strategy', [CompletionResultType]::ParameterName, 'Concurrency strategy for seat changes [default: occ]')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print exactly one JSON document on stdout (errors as JSON on stderr)')
            [CompletionResult]::new('--no-color', '--no-color', [CompletionResultType]::ParameterName, 'Never use colour (also honoured: NO_COLOR, TERM=dumb)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'seatctl;help' {
            [CompletionResult]::new('event', 'event', [CompletionResultType]::ParameterValue, 'Create, list, show and delete events')
            [CompletionResult]::new('layout', 'layout', [CompletionResultType]::ParameterValue, 'Import seat layouts (CSV, TOML or JSON)')
            [CompletionResult]::new('seats', 'seats', [CompletionResultType]::ParameterValue, 'List an event''s seats, optionally filtered by status or section')
            [CompletionResult]::new('map', 'map', [CompletionResultType]::ParameterValue, 'Draw an event''s seat map')
            [CompletionResult]::new('hold', 'hold', [CompletionResultType]::ParameterValue, 'Hold seats for a limited time, all or nothing')
            [CompletionResult]::new('extend', 'extend', [CompletionResultType]::ParameterValue, 'Extend an active hold')
            [CompletionResult]::new('reserve', 'reserve', [CompletionResultType]::ParameterValue, 'Turn every seat of an active hold into a reservation')
            [CompletionResult]::new('release', 'release', [CompletionResultType]::ParameterValue, 'Release a hold or a reservation, returning its seats to sale')
            [CompletionResult]::new('sweep', 'sweep', [CompletionResultType]::ParameterValue, 'Mark lapsed holds expired and tidy their seats (reads never depend on it)')
            [CompletionResult]::new('history', 'history', [CompletionResultType]::ParameterValue, 'Show the audit trail of seat changes')
            [CompletionResult]::new('db', 'db', [CompletionResultType]::ParameterValue, 'Database schema: migrate and status')
            [CompletionResult]::new('demo', 'demo', [CompletionResultType]::ParameterValue, 'Create a demo event from the example layout and show its map')
            [CompletionResult]::new('doctor', 'doctor', [CompletionResultType]::ParameterValue, 'Check the config, database and Redis this terminal would use')
            [CompletionResult]::new('completions', 'completions', [CompletionResultType]::ParameterValue, 'Print a shell completion script')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'seatctl;help;event' {
            [CompletionResult]::new('create', 'create', [CompletionResultType]::ParameterValue, 'Create an event with its seats (a general-admission count or a layout file)')
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List events with their seat counts')
            [CompletionResult]::new('show', 'show', [CompletionResultType]::ParameterValue, 'Show an event with its seat counts by status and by section')
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
        'seatctl;help;map' {
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
        'seatctl;help;history' {
            break
        }
        'seatctl;help;db' {
            [CompletionResult]::new('migrate', 'migrate', [CompletionResultType]::ParameterValue, 'Apply pending migrations (safe to run repeatedly and concurrently)')
            [CompletionResult]::new('status', 'status', [CompletionResultType]::ParameterValue, 'Show which migrations are applied')
            break
        }
        'seatctl;help;db;migrate' {
            break
        }
        'seatctl;help;db;status' {
            break
        }
        'seatctl;help;demo' {
            break
        }
        'seatctl;help;doctor' {
            break
        }
        'seatctl;help;completions' {
            break
        }
        'seatctl;help;help' {
            break
        }
    })

    $completions.Where{ $_.CompletionText -like "$wordToComplete*" } |
        Sort-Object -Property ListItemText
}
