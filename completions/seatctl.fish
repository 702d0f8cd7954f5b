# Print an optspec for argparse to handle cmd's options that are independent of any subcommand.
function __fish_seatctl_global_optspecs
    string join \n config= database-url= redis-url= strategy= operator= json no-color v/verbose h/help V/version
end

function __fish_seatctl_needs_command
    # Figure out if the current invocation already has a command.
    set -l cmd (commandline -opc)
    set -e cmd[1]
    argparse -s (__fish_seatctl_global_optspecs) -- $cmd 2>/dev/null
    or return
    if set -q argv[1]
        # Also print the command, so this can be used to figure out what it is.
        echo $argv[1]
        return 1
    end
    return 0
end

function __fish_seatctl_using_subcommand
    set -l cmd (__fish_seatctl_needs_command)
    test -z "$cmd"
    and return 1
    contains -- $cmd[1] $argv
end

complete -c seatctl -n "__fish_seatctl_needs_command" -l config -d 'Config file [default: ./seatctl.toml, else <config dir>/seatctl/config.toml]' -r -F
complete -c seatctl -n "__fish_seatctl_needs_command" -l database-url -d 'Database: postgres://USER@HOST/DB or sqlite://PATH [default: embedded SQLite in the data dir]' -r
complete -c seatctl -n "__fish_seatctl_needs_command" -l redis-url -d 'Redis, for the `redis` strategy [default: redis://127.0.0.1:6379]' -r
complete -c seatctl -n "__fish_seatctl_needs_command" -l strategy -d 'Concurrency strategy for seat changes [default: occ]; `all` only for `simulate`' -r -f -a "occ\t'Optimistic concurrency: every write is guarded by the seat\'s version'
redis\t'Redis locks on every seat of an operation, with the version guard as the last word'
all\t'`simulate` only: run each strategy in turn and compare them'"
complete -c seatctl -n "__fish_seatctl_needs_command" -l operator -d 'Who works at this terminal, recorded in the history as "by" [default: config terminal.operator, else the login name]' -r
complete -c seatctl -n "__fish_seatctl_needs_command" -l json -d 'Print exactly one JSON document on stdout (errors as JSON on stderr)'
complete -c seatctl -n "__fish_seatctl_needs_command" -l no-color -d 'Never use colour (also honoured: NO_COLOR, TERM=dumb)'
complete -c seatctl -n "__fish_seatctl_needs_command" -s v -l verbose -d 'Log what seatctl does on stderr: -v tries, retries, lock waits and lost races; -vv also every SQL statement with its time (RUST_LOG, e.g. seatctl=debug,sqlx=debug, overrides)'
complete -c seatctl -n "__fish_seatctl_needs_command" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c seatctl -n "__fish_seatctl_needs_command" -s V -l version -d 'Print version'
complete -c seatctl -n "__fish_seatctl_needs_command" -f -a "event" -d 'Create, list, show, update and delete events'
complete -c seatctl -n "__fish_seatctl_needs_command" -f -a "layout" -d 'Import seat layouts (CSV, TOML or JSON)'
complete -c seatctl -n "__fish_seatctl_needs_command" -f -a "seats" -d 'List an event\'s seats, optionally filtered by status or section'
complete -c seatctl -n "__fish_seatctl_needs_command" -f -a "box-office" -d 'Sell at a terminal: pick seats on the map, hold, reserve, refund (interactive)'
complete -c seatctl -n "__fish_seatctl_needs_command" -f -a "map" -d 'Draw an event\'s seat map'
complete -c seatctl -n "__fish_seatctl_needs_command" -f -a "watch" -d 'Watch an event\'s seats change live: a map redrawn on every change, or JSON lines'
complete -c seatctl -n "__fish_seatctl_needs_command" -f -a "hold" -d 'Hold seats for a limited time, all or nothing'
complete -c seatctl -n "__fish_seatctl_needs_command" -f -a "extend" -d 'Extend an active hold'
complete -c seatctl -n "__fish_seatctl_needs_command" -f -a "reserve" -d 'Turn every seat of an active hold into a reservation'
complete -c seatctl -n "__fish_seatctl_needs_command" -f -a "release" -d 'Release a hold or a reservation, returning its seats to sale'
complete -c seatctl -n "__fish_seatctl_needs_command" -f -a "sweep" -d 'Mark lapsed holds expired and tidy their seats (reads never depend on it)'
complete -c seatctl -n "__fish_seatctl_needs_command" -f -a "block" -d 'Take seats out of sale (house seats, broken seats, camera positions)'
complete -c seatctl -n "__fish_seatctl_needs_command" -f -a "unblock" -d 'Put blocked seats back on sale'
complete -c seatctl -n "__fish_seatctl_needs_command" -f -a "history" -d 'Show the audit trail of seat changes'
complete -c seatctl -n "__fish_seatctl_needs_command" -f -a "reservations" -d 'List an event\'s reservations, by customer, reference or status'
complete -c seatctl -n "__fish_seatctl_needs_command" -f -a "holds" -d 'List an event\'s holds, by holder or status'
complete -c seatctl -n "__fish_seatctl_needs_command" -f -a "price" -d 'Prices per seat category, in the configured currency: set, clear, list'
complete -c seatctl -n "__fish_seatctl_needs_command" -f -a "db" -d 'Database schema: migrate and status'
complete -c seatctl -n "__fish_seatctl_needs_command" -f -a "demo" -d 'Create a demo event from the example layout and show its map'
complete -c seatctl -n "__fish_seatctl_needs_command" -f -a "doctor" -d 'Check the config, database and Redis this terminal would use'
complete -c seatctl -n "__fish_seatctl_needs_command" -f -a "report" -d 'Sales by section, category and status; holds about to lapse; sales over time'
complete -c seatctl -n "__fish_seatctl_needs_command" -f -a "export" -d 'Every seat with its status, holder and reservation reference (CSV or JSON)'
complete -c seatctl -n "__fish_seatctl_needs_command" -f -a "simulate" -d 'Race simulated buyers for seats, report throughput and latency, audit the result'
complete -c seatctl -n "__fish_seatctl_needs_command" -f -a "serve" -d 'Serve the HTTP API (JSON under /v1, OpenAPI at /openapi.json, Swagger UI at /api)'
complete -c seatctl -n "__fish_seatctl_needs_command" -f -a "apikey" -d 'API keys for `seatctl serve`: create, list, revoke'
complete -c seatctl -n "__fish_seatctl_needs_command" -f -a "audit" -d 'Check an event for double bookings and records that disagree (exit 10 if any)'
complete -c seatctl -n "__fish_seatctl_needs_command" -f -a "completions" -d 'Print a shell completion script'
complete -c seatctl -n "__fish_seatctl_needs_command" -f -a "man" -d 'Print the manual page (roff): `seatctl man | man -l -`'
complete -c seatctl -n "__fish_seatctl_needs_command" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c seatctl -n "__fish_seatctl_using_subcommand event; and not __fish_seen_subcommand_from create list show update delete help" -l config -d 'Config file [default: ./seatctl.toml, else <config dir>/seatctl/config.toml]' -r -F
complete -c seatctl -n "__fish_seatctl_using_subcommand event; and not __fish_seen_subcommand_from create list show update delete help" -l database-url -d 'Database: postgres://USER@HOST/DB or sqlite://PATH [default: embedded SQLite in the data dir]' -r
complete -c seatctl -n "__fish_seatctl_using_subcommand event; and not __fish_seen_subcommand_from create list show update delete help" -l redis-url -d 'Redis, for the `redis` strategy [default: redis://127.0.0.1:6379]' -r
complete -c seatctl -n "__fish_seatctl_using_subcommand event; and not __fish_seen_subcommand_from create list show update delete help" -l strategy -d 'Concurrency strategy for seat changes [default: occ]; `all` only for `simulate`' -r -f -a "occ\t'Optimistic concurrency: every write is guarded by the seat\'s version'
redis\t'Redis locks on every seat of an operation, with the version guard as the last word'
all\t'`simulate` only: run each strategy in turn and compare them'"
complete -c seatctl -n "__fish_seatctl_using_subcommand event; and not __fish_seen_subcommand_from create list show update delete help" -l operator -d 'Who works at this terminal, recorded in the history as "by" [default: config terminal.operator, else the login name]' -r
complete -c seatctl -n "__fish_seatctl_using_subcommand event; and not __fish_seen_subcommand_from create list show update delete help" -l json -d 'Print exactly one JSON document on stdout (errors as JSON on stderr)'
complete -c seatctl -n "__fish_seatctl_using_subcommand event; and not __fish_seen_subcommand_from create list show update delete help" -l no-color -d 'Never use colour (also honoured: NO_COLOR, TERM=dumb)'
complete -c seatctl -n "__fish_seatctl_using_subcommand event; and not __fish_seen_subcommand_from create list show update delete help" -s v -l verbose -d 'Log what seatctl does on stderr: -v tries, retries, lock waits and lost races; -vv also every SQL statement with its time (RUST_LOG, e.g. seatctl=debug,sqlx=debug, overrides)'
complete -c seatctl -n "__fish_seatctl_using_subcommand event; and not __fish_seen_subcommand_from create list show update delete help" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c seatctl -n "__fish_seatctl_using_subcommand event; and not __fish_seen_subcommand_from create list show update delete help" -f -a "create" -d 'Create an event with its seats (a general-admission count or a layout file)'
complete -c seatctl -n "__fish_seatctl_using_subcommand event; and not __fish_seen_subcommand_from create list show update delete help" -f -a "list" -d 'List events with their seat counts'
complete -c seatctl -n "__fish_seatctl_using_subcommand event; and not __fish_seen_subcommand_from create list show update delete help" -f -a "show" -d 'Show an event with its seat counts by status and by section'
complete -c seatctl -n "__fish_seatctl_using_subcommand event; and not __fish_seen_subcommand_from create list show update delete help" -f -a "update" -d 'Rename an event, move its start or change its venue'
complete -c seatctl -n "__fish_seatctl_using_subcommand event; and not __fish_seen_subcommand_from create list show update delete help" -f -a "delete" -d 'Delete an event with its seats, holds, reservations and history'
complete -c seatctl -n "__fish_seatctl_using_subcommand event; and not __fish_seen_subcommand_from create list show update delete help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c seatctl -n "__fish_seatctl_using_subcommand event; and __fish_seen_subcommand_from create" -l name -d 'Event name, unique; commands accept it (or a unique prefix) wherever an EVENT is asked' -r
complete -c seatctl -n "__fish_seatctl_using_subcommand event; and __fish_seen_subcommand_from create" -l starts-at -d 'Start time, RFC 3339 (e.g. 2026-12-31T20:00:00+01:00)' -r
complete -c seatctl -n "__fish_seatctl_using_subcommand event; and __fish_seen_subcommand_from create" -l venue -d 'Venue name' -r
complete -c seatctl -n "__fish_seatctl_using_subcommand event; and __fish_seen_subcommand_from create" -l seats -d 'One section of N seats labelled 1..N' -r
complete -c seatctl -n "__fish_seatctl_using_subcommand event; and __fish_seen_subcommand_from create" -l layout -d 'A layout file (.csv, .toml, .json, or a pretix plan); see the README for the formats' -r -F
complete -c seatctl -n "__fish_seatctl_using_subcommand event; and __fish_seen_subcommand_from create" -l format -d 'The layout file\'s format [default: by its extension; a .json with `zones` is a pretix plan]' -r -f -a "csv\t''
toml\t''
json\t'seatctl\'s JSON (a pretix plan is recognised by its `zones`)'
pretix\t'A pretix seating plan (the seating editor\'s JSON export)'"
complete -c seatctl -n "__fish_seatctl_using_subcommand event; and __fish_seen_subcommand_from create" -l config -d 'Config file [default: ./seatctl.toml, else <config dir>/seatctl/config.toml]' -r -F
complete -c seatctl -n "__fish_seatctl_using_subcommand event; and __fish_seen_subcommand_from create" -l database-url -d 'Database: postgres://USER@HOST/DB or sqlite://PATH [default: embedded SQLite in the data dir]' -r
complete -c seatctl -n "__fish_seatctl_using_subcommand event; and __fish_seen_subcommand_from create" -l redis-url -d 'Redis, for the `redis` strategy [default: redis://127.0.0.1:6379]' -r
complete -c seatctl -n "__fish_seatctl_using_subcommand event; and __fish_seen_subcommand_from create" -l strategy -d 'Concurrency strategy for seat changes [default: occ]; `all` only for `simulate`' -r -f -a "occ\t'Optimistic concurrency: every write is guarded by the seat\'s version'
redis\t'Redis locks on every seat of an operation, with the version guard as the last word'
all\t'`simulate` only: run each strategy in turn and compare them'"
complete -c seatctl -n "__fish_seatctl_using_subcommand event; and __fish_seen_subcommand_from create" -l operator -d 'Who works at this terminal, recorded in the history as "by" [default: config terminal.operator, else the login name]' -r
complete -c seatctl -n "__fish_seatctl_using_subcommand event; and __fish_seen_subcommand_from create" -l if-not-exists -d 'If an event with this name exists, report it (exit 0) instead of failing with exit 3'
complete -c seatctl -n "__fish_seatctl_using_subcommand event; and __fish_seen_subcommand_from create" -s q -l quiet -d 'Print only the event\'s id'
complete -c seatctl -n "__fish_seatctl_using_subcommand event; and __fish_seen_subcommand_from create" -l json -d 'Print exactly one JSON document on stdout (errors as JSON on stderr)'
complete -c seatctl -n "__fish_seatctl_using_subcommand event; and __fish_seen_subcommand_from create" -l no-color -d 'Never use colour (also honoured: NO_COLOR, TERM=dumb)'
complete -c seatctl -n "__fish_seatctl_using_subcommand event; and __fish_seen_subcommand_from create" -s v -l verbose -d 'Log what seatctl does on stderr: -v tries, retries, lock waits and lost races; -vv also every SQL statement with its time (RUST_LOG, e.g. seatctl=debug,sqlx=debug, overrides)'
complete -c seatctl -n "__fish_seatctl_using_subcommand event; and __fish_seen_subcommand_from create" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c seatctl -n "__fish_seatctl_using_subcommand event; and __fish_seen_subcommand_from list" -l config -d 'Config file [default: ./seatctl.toml, else <config dir>/seatctl/config.toml]' -r -F
complete -c seatctl -n "__fish_seatctl_using_subcommand event; and __fish_seen_subcommand_from list" -l database-url -d 'Database: postgres://USER@HOST/DB or sqlite://PATH [default: embedded SQLite in the data dir]' -r
complete -c seatctl -n "__fish_seatctl_using_subcommand event; and __fish_seen_subcommand_from list" -l redis-url -d 'Redis, for the `redis` strategy [default: redis://127.0.0.1:6379]' -r
complete -c seatctl -n "__fish_seatctl_using_subcommand event; and __fish_seen_subcommand_from list" -l strategy -d 'Concurrency strategy for seat changes [default: occ]; `all` only for `simulate`' -r -f -a "occ\t'Optimistic concurrency: every write is guarded by the seat\'s version'
redis\t'Redis locks on every seat of an operation, with the version guard as the last word'
all\t'`simulate` only: run each strategy in turn and compare them'"
complete -c seatctl -n "__fish_seatctl_using_subcommand event; and __fish_seen_subcommand_from list" -l operator -d 'Who works at this terminal, recorded in the history as "by" [default: config terminal.operator, else the login name]' -r
complete -c seatctl -n "__fish_seatctl_using_subcommand event; and __fish_seen_subcommand_from list" -l csv -d 'Print CSV (a header row, then one row per event) instead of a table'
complete -c seatctl -n "__fish_seatctl_using_subcommand event; and __fish_seen_subcommand_from list" -l json -d 'Print exactly one JSON document on stdout (errors as JSON on stderr)'
complete -c seatctl -n "__fish_seatctl_using_subcommand event; and __fish_seen_subcommand_from list" -l no-color -d 'Never use colour (also honoured: NO_COLOR, TERM=dumb)'
complete -c seatctl -n "__fish_seatctl_using_subcommand event; and __fish_seen_subcommand_from list" -s v -l verbose -d 'Log what seatctl does on stderr: -v tries, retries, lock waits and lost races; -vv also every SQL statement with its time (RUST_LOG, e.g. seatctl=debug,sqlx=debug, overrides)'
complete -c seatctl -n "__fish_seatctl_using_subcommand event; and __fish_seen_subcommand_from list" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c seatctl -n "__fish_seatctl_using_subcommand event; and __fish_seen_subcommand_from show" -l config -d 'Config file [default: ./seatctl.toml, else <config dir>/seatctl/config.toml]' -r -F
complete -c seatctl -n "__fish_seatctl_using_subcommand event; and __fish_seen_subcommand_from show" -l database-url -d 'Database: postgres://USER@HOST/DB or sqlite://PATH [default: embedded SQLite in the data dir]' -r
complete -c seatctl -n "__fish_seatctl_using_subcommand event; and __fish_seen_subcommand_from show" -l redis-url -d 'Redis, for the `redis` strategy [default: redis://127.0.0.1:6379]' -r
complete -c seatctl -n "__fish_seatctl_using_subcommand event; and __fish_seen_subcommand_from show" -l strategy -d 'Concurrency strategy for seat changes [default: occ]; `all` only for `simulate`' -r -f -a "occ\t'Optimistic concurrency: every write is guarded by the seat\'s version'
redis\t'Redis locks on every seat of an operation, with the version guard as the last word'
all\t'`simulate` only: run each strategy in turn and compare them'"
complete -c seatctl -n "__fish_seatctl_using_subcommand event; and __fish_seen_subcommand_from show" -l operator -d 'Who works at this terminal, recorded in the history as "by" [default: config terminal.operator, else the login name]' -r
complete -c seatctl -n "__fish_seatctl_using_subcommand event; and __fish_seen_subcommand_from show" -l json -d 'Print exactly one JSON document on stdout (errors as JSON on stderr)'
complete -c seatctl -n "__fish_seatctl_using_subcommand event; and __fish_seen_subcommand_from show" -l no-color -d 'Never use colour (also honoured: NO_COLOR, TERM=dumb)'
complete -c seatctl -n "__fish_seatctl_using_subcommand event; and __fish_seen_subcommand_from show" -s v -l verbose -d 'Log what seatctl does on stderr: -v tries, retries, lock waits and lost races; -vv also every SQL statement with its time (RUST_LOG, e.g. seatctl=debug,sqlx=debug, overrides)'
complete -c seatctl -n "__fish_seatctl_using_subcommand event; and __fish_seen_subcommand_from show" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c seatctl -n "__fish_seatctl_using_subcommand event; and __fish_seen_subcommand_from update" -l name -d 'The new name (unique)' -r
complete -c seatctl -n "__fish_seatctl_using_subcommand event; and __fish_seen_subcommand_from update" -l starts-at -d 'The new start time, RFC 3339 (e.g. 2026-12-31T20:00:00+01:00)' -r
complete -c seatctl -n "__fish_seatctl_using_subcommand event; and __fish_seen_subcommand_from update" -l venue -d 'The new venue name' -r
complete -c seatctl -n "__fish_seatctl_using_subcommand event; and __fish_seen_subcommand_from update" -l config -d 'Config file [default: ./seatctl.toml, else <config dir>/seatctl/config.toml]' -r -F
complete -c seatctl -n "__fish_seatctl_using_subcommand event; and __fish_seen_subcommand_from update" -l database-url -d 'Database: postgres://USER@HOST/DB or sqlite://PATH [default: embedded SQLite in the data dir]' -r
complete -c seatctl -n "__fish_seatctl_using_subcommand event; and __fish_seen_subcommand_from update" -l redis-url -d 'Redis, for the `redis` strategy [default: redis://127.0.0.1:6379]' -r
complete -c seatctl -n "__fish_seatctl_using_subcommand event; and __fish_seen_subcommand_from update" -l strategy -d 'Concurrency strategy for seat changes [default: occ]; `all` only for `simulate`' -r -f -a "occ\t'Optimistic concurrency: every write is guarded by the seat\'s version'
redis\t'Redis locks on every seat of an operation, with the version guard as the last word'
all\t'`simulate` only: run each strategy in turn and compare them'"
complete -c seatctl -n "__fish_seatctl_using_subcommand event; and __fish_seen_subcommand_from update" -l operator -d 'Who works at this terminal, recorded in the history as "by" [default: config terminal.operator, else the login name]' -r
complete -c seatctl -n "__fish_seatctl_using_subcommand event; and __fish_seen_subcommand_from update" -l no-starts-at -d 'Clear the start time'
complete -c seatctl -n "__fish_seatctl_using_subcommand event; and __fish_seen_subcommand_from update" -l no-venue -d 'Clear the venue'
complete -c seatctl -n "__fish_seatctl_using_subcommand event; and __fish_seen_subcommand_from update" -l json -d 'Print exactly one JSON document on stdout (errors as JSON on stderr)'
complete -c seatctl -n "__fish_seatctl_using_subcommand event; and __fish_seen_subcommand_from update" -l no-color -d 'Never use colour (also honoured: NO_COLOR, TERM=dumb)'
complete -c seatctl -n "__fish_seatctl_using_subcommand event; and __fish_seen_subcommand_from update" -s v -l verbose -d 'Log what seatctl does on stderr: -v tries, retries, lock waits and lost races; -vv also every SQL statement with its time (RUST_LOG, e.g. seatctl=debug,sqlx=debug, overrides)'
complete -c seatctl -n "__fish_seatctl_using_subcommand event; and __fish_seen_subcommand_from update" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c seatctl -n "__fish_seatctl_using_subcommand event; and __fish_seen_subcommand_from delete" -l config -d 'Config file [default: ./seatctl.toml, else <config dir>/seatctl/config.toml]' -r -F
complete -c seatctl -n "__fish_seatctl_using_subcommand event; and __fish_seen_subcommand_from delete" -l database-url -d 'Database: postgres://USER@HOST/DB or sqlite://PATH [default: embedded SQLite in the data dir]' -r
complete -c seatctl -n "__fish_seatctl_using_subcommand event; and __fish_seen_subcommand_from delete" -l redis-url -d 'Redis, for the `redis` strategy [default: redis://127.0.0.1:6379]' -r
complete -c seatctl -n "__fish_seatctl_using_subcommand event; and __fish_seen_subcommand_from delete" -l strategy -d 'Concurrency strategy for seat changes [default: occ]; `all` only for `simulate`' -r -f -a "occ\t'Optimistic concurrency: every write is guarded by the seat\'s version'
redis\t'Redis locks on every seat of an operation, with the version guard as the last word'
all\t'`simulate` only: run each strategy in turn and compare them'"
complete -c seatctl -n "__fish_seatctl_using_subcommand event; and __fish_seen_subcommand_from delete" -l operator -d 'Who works at this terminal, recorded in the history as "by" [default: config terminal.operator, else the login name]' -r
complete -c seatctl -n "__fish_seatctl_using_subcommand event; and __fish_seen_subcommand_from delete" -l force -d 'Delete even if seats are held, reserved or blocked'
complete -c seatctl -n "__fish_seatctl_using_subcommand event; and __fish_seen_subcommand_from delete" -s y -l yes -d 'Do not ask for confirmation (required when not on a terminal)'
complete -c seatctl -n "__fish_seatctl_using_subcommand event; and __fish_seen_subcommand_from delete" -l json -d 'Print exactly one JSON document on stdout (errors as JSON on stderr)'
complete -c seatctl -n "__fish_seatctl_using_subcommand event; and __fish_seen_subcommand_from delete" -l no-color -d 'Never use colour (also honoured: NO_COLOR, TERM=dumb)'
complete -c seatctl -n "__fish_seatctl_using_subcommand event; and __fish_seen_subcommand_from delete" -s v -l verbose -d 'Log what seatctl does on stderr: -v tries, retries, lock waits and lost races; -vv also every SQL statement with its time (RUST_LOG, e.g. seatctl=debug,sqlx=debug, overrides)'
complete -c seatctl -n "__fish_seatctl_using_subcommand event; and __fish_seen_subcommand_from delete" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c seatctl -n "__fish_seatctl_using_subcommand event; and __fish_seen_subcommand_from help" -f -a "create" -d 'Create an event with its seats (a general-admission count or a layout file)'
complete -c seatctl -n "__fish_seatctl_using_subcommand event; and __fish_seen_subcommand_from help" -f -a "list" -d 'List events with their seat counts'
complete -c seatctl -n "__fish_seatctl_using_subcommand event; and __fish_seen_subcommand_from help" -f -a "show" -d 'Show an event with its seat counts by status and by section'
complete -c seatctl -n "__fish_seatctl_using_subcommand event; and __fish_seen_subcommand_from help" -f -a "update" -d 'Rename an event, move its start or change its venue'
complete -c seatctl -n "__fish_seatctl_using_subcommand event; and __fish_seen_subcommand_from help" -f -a "delete" -d 'Delete an event with its seats, holds, reservations and history'
complete -c seatctl -n "__fish_seatctl_using_subcommand event; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c seatctl -n "__fish_seatctl_using_subcommand layout; and not __fish_seen_subcommand_from import check help" -l config -d 'Config file [default: ./seatctl.toml, else <config dir>/seatctl/config.toml]' -r -F
complete -c seatctl -n "__fish_seatctl_using_subcommand layout; and not __fish_seen_subcommand_from import check help" -l database-url -d 'Database: postgres://USER@HOST/DB or sqlite://PATH [default: embedded SQLite in the data dir]' -r
complete -c seatctl -n "__fish_seatctl_using_subcommand layout; and not __fish_seen_subcommand_from import check help" -l redis-url -d 'Redis, for the `redis` strategy [default: redis://127.0.0.1:6379]' -r
complete -c seatctl -n "__fish_seatctl_using_subcommand layout; and not __fish_seen_subcommand_from import check help" -l strategy -d 'Concurrency strategy for seat changes [default: occ]; `all` only for `simulate`' -r -f -a "occ\t'Optimistic concurrency: every write is guarded by the seat\'s version'
redis\t'Redis locks on every seat of an operation, with the version guard as the last word'
all\t'`simulate` only: run each strategy in turn and compare them'"
complete -c seatctl -n "__fish_seatctl_using_subcommand layout; and not __fish_seen_subcommand_from import check help" -l operator -d 'Who works at this terminal, recorded in the history as "by" [default: config terminal.operator, else the login name]' -r
complete -c seatctl -n "__fish_seatctl_using_subcommand layout; and not __fish_seen_subcommand_from import check help" -l json -d 'Print exactly one JSON document on stdout (errors as JSON on stderr)'
complete -c seatctl -n "__fish_seatctl_using_subcommand layout; and not __fish_seen_subcommand_from import check help" -l no-color -d 'Never use colour (also honoured: NO_COLOR, TERM=dumb)'
complete -c seatctl -n "__fish_seatctl_using_subcommand layout; and not __fish_seen_subcommand_from import check help" -s v -l verbose -d 'Log what seatctl does on stderr: -v tries, retries, lock waits and lost races; -vv also every SQL statement with its time (RUST_LOG, e.g. seatctl=debug,sqlx=debug, overrides)'
complete -c seatctl -n "__fish_seatctl_using_subcommand layout; and not __fish_seen_subcommand_from import check help" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c seatctl -n "__fish_seatctl_using_subcommand layout; and not __fish_seen_subcommand_from import check help" -f -a "import" -d 'Import a layout file into an event, in one transaction (all or nothing)'
complete -c seatctl -n "__fish_seatctl_using_subcommand layout; and not __fish_seen_subcommand_from import check help" -f -a "check" -d 'Validate a layout file without touching the database'
complete -c seatctl -n "__fish_seatctl_using_subcommand layout; and not __fish_seen_subcommand_from import check help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c seatctl -n "__fish_seatctl_using_subcommand layout; and __fish_seen_subcommand_from import" -l format -d 'The file\'s format [default: by its extension; a .json with `zones` is a pretix plan]' -r -f -a "csv\t''
toml\t''
json\t'seatctl\'s JSON (a pretix plan is recognised by its `zones`)'
pretix\t'A pretix seating plan (the seating editor\'s JSON export)'"
complete -c seatctl -n "__fish_seatctl_using_subcommand layout; and __fish_seen_subcommand_from import" -l config -d 'Config file [default: ./seatctl.toml, else <config dir>/seatctl/config.toml]' -r -F
complete -c seatctl -n "__fish_seatctl_using_subcommand layout; and __fish_seen_subcommand_from import" -l database-url -d 'Database: postgres://USER@HOST/DB or sqlite://PATH [default: embedded SQLite in the data dir]' -r
complete -c seatctl -n "__fish_seatctl_using_subcommand layout; and __fish_seen_subcommand_from import" -l redis-url -d 'Redis, for the `redis` strategy [default: redis://127.0.0.1:6379]' -r
complete -c seatctl -n "__fish_seatctl_using_subcommand layout; and __fish_seen_subcommand_from import" -l strategy -d 'Concurrency strategy for seat changes [default: occ]; `all` only for `simulate`' -r -f -a "occ\t'Optimistic concurrency: every write is guarded by the seat\'s version'
redis\t'Redis locks on every seat of an operation, with the version guard as the last word'
all\t'`simulate` only: run each strategy in turn and compare them'"
complete -c seatctl -n "__fish_seatctl_using_subcommand layout; and __fish_seen_subcommand_from import" -l operator -d 'Who works at this terminal, recorded in the history as "by" [default: config terminal.operator, else the login name]' -r
complete -c seatctl -n "__fish_seatctl_using_subcommand layout; and __fish_seen_subcommand_from import" -l replace -d 'Replace the event\'s existing layout (refused while any seat is held, reserved or blocked, unless the new layout gives external ids: then seats it names by theirs are kept with their holds and sales, and only seats left out must be free)'
complete -c seatctl -n "__fish_seatctl_using_subcommand layout; and __fish_seen_subcommand_from import" -l json -d 'Print exactly one JSON document on stdout (errors as JSON on stderr)'
complete -c seatctl -n "__fish_seatctl_using_subcommand layout; and __fish_seen_subcommand_from import" -l no-color -d 'Never use colour (also honoured: NO_COLOR, TERM=dumb)'
complete -c seatctl -n "__fish_seatctl_using_subcommand layout; and __fish_seen_subcommand_from import" -s v -l verbose -d 'Log what seatctl does on stderr: -v tries, retries, lock waits and lost races; -vv also every SQL statement with its time (RUST_LOG, e.g. seatctl=debug,sqlx=debug, overrides)'
complete -c seatctl -n "__fish_seatctl_using_subcommand layout; and __fish_seen_subcommand_from import" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c seatctl -n "__fish_seatctl_using_subcommand layout; and __fish_seen_subcommand_from check" -l format -d 'The file\'s format [default: by its extension; a .json with `zones` is a pretix plan]' -r -f -a "csv\t''
toml\t''
json\t'seatctl\'s JSON (a pretix plan is recognised by its `zones`)'
pretix\t'A pretix seating plan (the seating editor\'s JSON export)'"
complete -c seatctl -n "__fish_seatctl_using_subcommand layout; and __fish_seen_subcommand_from check" -l config -d 'Config file [default: ./seatctl.toml, else <config dir>/seatctl/config.toml]' -r -F
complete -c seatctl -n "__fish_seatctl_using_subcommand layout; and __fish_seen_subcommand_from check" -l database-url -d 'Database: postgres://USER@HOST/DB or sqlite://PATH [default: embedded SQLite in the data dir]' -r
complete -c seatctl -n "__fish_seatctl_using_subcommand layout; and __fish_seen_subcommand_from check" -l redis-url -d 'Redis, for the `redis` strategy [default: redis://127.0.0.1:6379]' -r
complete -c seatctl -n "__fish_seatctl_using_subcommand layout; and __fish_seen_subcommand_from check" -l strategy -d 'Concurrency strategy for seat changes [default: occ]; `all` only for `simulate`' -r -f -a "occ\t'Optimistic concurrency: every write is guarded by the seat\'s version'
redis\t'Redis locks on every seat of an operation, with the version guard as the last word'
all\t'`simulate` only: run each strategy in turn and compare them'"
complete -c seatctl -n "__fish_seatctl_using_subcommand layout; and __fish_seen_subcommand_from check" -l operator -d 'Who works at this terminal, recorded in the history as "by" [default: config terminal.operator, else the login name]' -r
complete -c seatctl -n "__fish_seatctl_using_subcommand layout; and __fish_seen_subcommand_from check" -l json -d 'Print exactly one JSON document on stdout (errors as JSON on stderr)'
complete -c seatctl -n "__fish_seatctl_using_subcommand layout; and __fish_seen_subcommand_from check" -l no-color -d 'Never use colour (also honoured: NO_COLOR, TERM=dumb)'
complete -c seatctl -n "__fish_seatctl_using_subcommand layout; and __fish_seen_subcommand_from check" -s v -l verbose -d 'Log what seatctl does on stderr: -v tries, retries, lock waits and lost races; -vv also every SQL statement with its time (RUST_LOG, e.g. seatctl=debug,sqlx=debug, overrides)'
complete -c seatctl -n "__fish_seatctl_using_subcommand layout; and __fish_seen_subcommand_from check" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c seatctl -n "__fish_seatctl_using_subcommand layout; and __fish_seen_subcommand_from help" -f -a "import" -d 'Import a layout file into an event, in one transaction (all or nothing)'
complete -c seatctl -n "__fish_seatctl_using_subcommand layout; and __fish_seen_subcommand_from help" -f -a "check" -d 'Validate a layout file without touching the database'
complete -c seatctl -n "__fish_seatctl_using_subcommand layout; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c seatctl -n "__fish_seatctl_using_subcommand seats" -l status -d 'Only seats in this state (a lapsed hold counts as available)' -r -f -a "available\t''
held\t''
reserved\t''
blocked\t''"
complete -c seatctl -n "__fish_seatctl_using_subcommand seats" -l section -d 'Only seats in this section' -r
complete -c seatctl -n "__fish_seatctl_using_subcommand seats" -l config -d 'Config file [default: ./seatctl.toml, else <config dir>/seatctl/config.toml]' -r -F
complete -c seatctl -n "__fish_seatctl_using_subcommand seats" -l database-url -d 'Database: postgres://USER@HOST/DB or sqlite://PATH [default: embedded SQLite in the data dir]' -r
complete -c seatctl -n "__fish_seatctl_using_subcommand seats" -l redis-url -d 'Redis, for the `redis` strategy [default: redis://127.0.0.1:6379]' -r
complete -c seatctl -n "__fish_seatctl_using_subcommand seats" -l strategy -d 'Concurrency strategy for seat changes [default: occ]; `all` only for `simulate`' -r -f -a "occ\t'Optimistic concurrency: every write is guarded by the seat\'s version'
redis\t'Redis locks on every seat of an operation, with the version guard as the last word'
all\t'`simulate` only: run each strategy in turn and compare them'"
complete -c seatctl -n "__fish_seatctl_using_subcommand seats" -l operator -d 'Who works at this terminal, recorded in the history as "by" [default: config terminal.operator, else the login name]' -r
complete -c seatctl -n "__fish_seatctl_using_subcommand seats" -l csv -d 'Print CSV (a header row, then one row per seat) instead of a table'
complete -c seatctl -n "__fish_seatctl_using_subcommand seats" -l json -d 'Print exactly one JSON document on stdout (errors as JSON on stderr)'
complete -c seatctl -n "__fish_seatctl_using_subcommand seats" -l no-color -d 'Never use colour (also honoured: NO_COLOR, TERM=dumb)'
complete -c seatctl -n "__fish_seatctl_using_subcommand seats" -s v -l verbose -d 'Log what seatctl does on stderr: -v tries, retries, lock waits and lost races; -vv also every SQL statement with its time (RUST_LOG, e.g. seatctl=debug,sqlx=debug, overrides)'
complete -c seatctl -n "__fish_seatctl_using_subcommand seats" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c seatctl -n "__fish_seatctl_using_subcommand box-office" -l config -d 'Config file [default: ./seatctl.toml, else <config dir>/seatctl/config.toml]' -r -F
complete -c seatctl -n "__fish_seatctl_using_subcommand box-office" -l database-url -d 'Database: postgres://USER@HOST/DB or sqlite://PATH [default: embedded SQLite in the data dir]' -r
complete -c seatctl -n "__fish_seatctl_using_subcommand box-office" -l redis-url -d 'Redis, for the `redis` strategy [default: redis://127.0.0.1:6379]' -r
complete -c seatctl -n "__fish_seatctl_using_subcommand box-office" -l strategy -d 'Concurrency strategy for seat changes [default: occ]; `all` only for `simulate`' -r -f -a "occ\t'Optimistic concurrency: every write is guarded by the seat\'s version'
redis\t'Redis locks on every seat of an operation, with the version guard as the last word'
all\t'`simulate` only: run each strategy in turn and compare them'"
complete -c seatctl -n "__fish_seatctl_using_subcommand box-office" -l operator -d 'Who works at this terminal, recorded in the history as "by" [default: config terminal.operator, else the login name]' -r
complete -c seatctl -n "__fish_seatctl_using_subcommand box-office" -l json -d 'Print exactly one JSON document on stdout (errors as JSON on stderr)'
complete -c seatctl -n "__fish_seatctl_using_subcommand box-office" -l no-color -d 'Never use colour (also honoured: NO_COLOR, TERM=dumb)'
complete -c seatctl -n "__fish_seatctl_using_subcommand box-office" -s v -l verbose -d 'Log what seatctl does on stderr: -v tries, retries, lock waits and lost races; -vv also every SQL statement with its time (RUST_LOG, e.g. seatctl=debug,sqlx=debug, overrides)'
complete -c seatctl -n "__fish_seatctl_using_subcommand box-office" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c seatctl -n "__fish_seatctl_using_subcommand map" -l section -d 'Draw only this section' -r
complete -c seatctl -n "__fish_seatctl_using_subcommand map" -l width -d 'Width to draw for [default: the terminal\'s width, else $COLUMNS, else 80]' -r
complete -c seatctl -n "__fish_seatctl_using_subcommand map" -l highlight -d 'Highlight these seats (labels or ranges along a row, e.g. A-12..A-15)' -r
complete -c seatctl -n "__fish_seatctl_using_subcommand map" -l config -d 'Config file [default: ./seatctl.toml, else <config dir>/seatctl/config.toml]' -r -F
complete -c seatctl -n "__fish_seatctl_using_subcommand map" -l database-url -d 'Database: postgres://USER@HOST/DB or sqlite://PATH [default: embedded SQLite in the data dir]' -r
complete -c seatctl -n "__fish_seatctl_using_subcommand map" -l redis-url -d 'Redis, for the `redis` strategy [default: redis://127.0.0.1:6379]' -r
complete -c seatctl -n "__fish_seatctl_using_subcommand map" -l strategy -d 'Concurrency strategy for seat changes [default: occ]; `all` only for `simulate`' -r -f -a "occ\t'Optimistic concurrency: every write is guarded by the seat\'s version'
redis\t'Redis locks on every seat of an operation, with the version guard as the last word'
all\t'`simulate` only: run each strategy in turn and compare them'"
complete -c seatctl -n "__fish_seatctl_using_subcommand map" -l operator -d 'Who works at this terminal, recorded in the history as "by" [default: config terminal.operator, else the login name]' -r
complete -c seatctl -n "__fish_seatctl_using_subcommand map" -l json -d 'Print exactly one JSON document on stdout (errors as JSON on stderr)'
complete -c seatctl -n "__fish_seatctl_using_subcommand map" -l no-color -d 'Never use colour (also honoured: NO_COLOR, TERM=dumb)'
complete -c seatctl -n "__fish_seatctl_using_subcommand map" -s v -l verbose -d 'Log what seatctl does on stderr: -v tries, retries, lock waits and lost races; -vv also every SQL statement with its time (RUST_LOG, e.g. seatctl=debug,sqlx=debug, overrides)'
complete -c seatctl -n "__fish_seatctl_using_subcommand map" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c seatctl -n "__fish_seatctl_using_subcommand watch" -l section -d 'Only this section\'s seats and changes' -r
complete -c seatctl -n "__fish_seatctl_using_subcommand watch" -l after -d 'First tell the changes made after the one with this id (the last `id` an earlier `watch --json` or change stream told), then go on: nothing missed in between' -r
complete -c seatctl -n "__fish_seatctl_using_subcommand watch" -l width -d 'Width to draw the map for [default: the terminal\'s width, else $COLUMNS, else 80]' -r
complete -c seatctl -n "__fish_seatctl_using_subcommand watch" -l config -d 'Config file [default: ./seatctl.toml, else <config dir>/seatctl/config.toml]' -r -F
complete -c seatctl -n "__fish_seatctl_using_subcommand watch" -l database-url -d 'Database: postgres://USER@HOST/DB or sqlite://PATH [default: embedded SQLite in the data dir]' -r
complete -c seatctl -n "__fish_seatctl_using_subcommand watch" -l redis-url -d 'Redis, for the `redis` strategy [default: redis://127.0.0.1:6379]' -r
complete -c seatctl -n "__fish_seatctl_using_subcommand watch" -l strategy -d 'Concurrency strategy for seat changes [default: occ]; `all` only for `simulate`' -r -f -a "occ\t'Optimistic concurrency: every write is guarded by the seat\'s version'
redis\t'Redis locks on every seat of an operation, with the version guard as the last word'
all\t'`simulate` only: run each strategy in turn and compare them'"
complete -c seatctl -n "__fish_seatctl_using_subcommand watch" -l operator -d 'Who works at this terminal, recorded in the history as "by" [default: config terminal.operator, else the login name]' -r
complete -c seatctl -n "__fish_seatctl_using_subcommand watch" -l json -d 'Print exactly one JSON document on stdout (errors as JSON on stderr)'
complete -c seatctl -n "__fish_seatctl_using_subcommand watch" -l no-color -d 'Never use colour (also honoured: NO_COLOR, TERM=dumb)'
complete -c seatctl -n "__fish_seatctl_using_subcommand watch" -s v -l verbose -d 'Log what seatctl does on stderr: -v tries, retries, lock waits and lost races; -vv also every SQL statement with its time (RUST_LOG, e.g. seatctl=debug,sqlx=debug, overrides)'
complete -c seatctl -n "__fish_seatctl_using_subcommand watch" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c seatctl -n "__fish_seatctl_using_subcommand hold" -l best -d 'Hold the N best available seats instead: side by side in one row when possible, front rows and row centres first, sections in layout order' -r
complete -c seatctl -n "__fish_seatctl_using_subcommand hold" -l section -d 'With --best: only this section' -r
complete -c seatctl -n "__fish_seatctl_using_subcommand hold" -l category -d 'With --best: only this category' -r
complete -c seatctl -n "__fish_seatctl_using_subcommand hold" -l accessible -d 'With --best: N of the party\'s seats must be accessible (wheelchair spaces); the rest sit beside them, on companion seats where the layout has them' -r
complete -c seatctl -n "__fish_seatctl_using_subcommand hold" -l area -d 'Hold places of this general-admission area instead (a standing area, a dance floor): any free ones, --quantity of them, all or none' -r
complete -c seatctl -n "__fish_seatctl_using_subcommand hold" -l quantity -d 'With --area: how many places' -r
complete -c seatctl -n "__fish_seatctl_using_subcommand hold" -l ttl -d 'How long the hold lasts [default: reservation.hold_ttl, 10m]' -r
complete -c seatctl -n "__fish_seatctl_using_subcommand hold" -l holder -d 'Who holds the seats (shown in the history)' -r
complete -c seatctl -n "__fish_seatctl_using_subcommand hold" -l idempotency-key -d 'Retrying with the same key returns the same hold instead of holding twice' -r
complete -c seatctl -n "__fish_seatctl_using_subcommand hold" -l pause-after-lock -d 'Fault injection: stall after taking the locks and reading the seats, before the guarded write, as a paused process would' -r
complete -c seatctl -n "__fish_seatctl_using_subcommand hold" -l config -d 'Config file [default: ./seatctl.toml, else <config dir>/seatctl/config.toml]' -r -F
complete -c seatctl -n "__fish_seatctl_using_subcommand hold" -l database-url -d 'Database: postgres://USER@HOST/DB or sqlite://PATH [default: embedded SQLite in the data dir]' -r
complete -c seatctl -n "__fish_seatctl_using_subcommand hold" -l redis-url -d 'Redis, for the `redis` strategy [default: redis://127.0.0.1:6379]' -r
complete -c seatctl -n "__fish_seatctl_using_subcommand hold" -l strategy -d 'Concurrency strategy for seat changes [default: occ]; `all` only for `simulate`' -r -f -a "occ\t'Optimistic concurrency: every write is guarded by the seat\'s version'
redis\t'Redis locks on every seat of an operation, with the version guard as the last word'
all\t'`simulate` only: run each strategy in turn and compare them'"
complete -c seatctl -n "__fish_seatctl_using_subcommand hold" -l operator -d 'Who works at this terminal, recorded in the history as "by" [default: config terminal.operator, else the login name]' -r
complete -c seatctl -n "__fish_seatctl_using_subcommand hold" -s q -l quiet -d 'Print only the hold\'s id (for `id=$(seatctl hold … -q)`)'
complete -c seatctl -n "__fish_seatctl_using_subcommand hold" -l json -d 'Print exactly one JSON document on stdout (errors as JSON on stderr)'
complete -c seatctl -n "__fish_seatctl_using_subcommand hold" -l no-color -d 'Never use colour (also honoured: NO_COLOR, TERM=dumb)'
complete -c seatctl -n "__fish_seatctl_using_subcommand hold" -s v -l verbose -d 'Log what seatctl does on stderr: -v tries, retries, lock waits and lost races; -vv also every SQL statement with its time (RUST_LOG, e.g. seatctl=debug,sqlx=debug, overrides)'
complete -c seatctl -n "__fish_seatctl_using_subcommand hold" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c seatctl -n "__fish_seatctl_using_subcommand extend" -l ttl -d 'New lifetime, counted from now [default: reservation.hold_ttl]' -r
complete -c seatctl -n "__fish_seatctl_using_subcommand extend" -l config -d 'Config file [default: ./seatctl.toml, else <config dir>/seatctl/config.toml]' -r -F
complete -c seatctl -n "__fish_seatctl_using_subcommand extend" -l database-url -d 'Database: postgres://USER@HOST/DB or sqlite://PATH [default: embedded SQLite in the data dir]' -r
complete -c seatctl -n "__fish_seatctl_using_subcommand extend" -l redis-url -d 'Redis, for the `redis` strategy [default: redis://127.0.0.1:6379]' -r
complete -c seatctl -n "__fish_seatctl_using_subcommand extend" -l strategy -d 'Concurrency strategy for seat changes [default: occ]; `all` only for `simulate`' -r -f -a "occ\t'Optimistic concurrency: every write is guarded by the seat\'s version'
redis\t'Redis locks on every seat of an operation, with the version guard as the last word'
all\t'`simulate` only: run each strategy in turn and compare them'"
complete -c seatctl -n "__fish_seatctl_using_subcommand extend" -l operator -d 'Who works at this terminal, recorded in the history as "by" [default: config terminal.operator, else the login name]' -r
complete -c seatctl -n "__fish_seatctl_using_subcommand extend" -l json -d 'Print exactly one JSON document on stdout (errors as JSON on stderr)'
complete -c seatctl -n "__fish_seatctl_using_subcommand extend" -l no-color -d 'Never use colour (also honoured: NO_COLOR, TERM=dumb)'
complete -c seatctl -n "__fish_seatctl_using_subcommand extend" -s v -l verbose -d 'Log what seatctl does on stderr: -v tries, retries, lock waits and lost races; -vv also every SQL statement with its time (RUST_LOG, e.g. seatctl=debug,sqlx=debug, overrides)'
complete -c seatctl -n "__fish_seatctl_using_subcommand extend" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c seatctl -n "__fish_seatctl_using_subcommand reserve" -l customer -d 'Customer name or id' -r
complete -c seatctl -n "__fish_seatctl_using_subcommand reserve" -l reference -d 'Your reference (order number, payment id)' -r
complete -c seatctl -n "__fish_seatctl_using_subcommand reserve" -l config -d 'Config file [default: ./seatctl.toml, else <config dir>/seatctl/config.toml]' -r -F
complete -c seatctl -n "__fish_seatctl_using_subcommand reserve" -l database-url -d 'Database: postgres://USER@HOST/DB or sqlite://PATH [default: embedded SQLite in the data dir]' -r
complete -c seatctl -n "__fish_seatctl_using_subcommand reserve" -l redis-url -d 'Redis, for the `redis` strategy [default: redis://127.0.0.1:6379]' -r
complete -c seatctl -n "__fish_seatctl_using_subcommand reserve" -l strategy -d 'Concurrency strategy for seat changes [default: occ]; `all` only for `simulate`' -r -f -a "occ\t'Optimistic concurrency: every write is guarded by the seat\'s version'
redis\t'Redis locks on every seat of an operation, with the version guard as the last word'
all\t'`simulate` only: run each strategy in turn and compare them'"
complete -c seatctl -n "__fish_seatctl_using_subcommand reserve" -l operator -d 'Who works at this terminal, recorded in the history as "by" [default: config terminal.operator, else the login name]' -r
complete -c seatctl -n "__fish_seatctl_using_subcommand reserve" -s q -l quiet -d 'Print only the reservation\'s id'
complete -c seatctl -n "__fish_seatctl_using_subcommand reserve" -l json -d 'Print exactly one JSON document on stdout (errors as JSON on stderr)'
complete -c seatctl -n "__fish_seatctl_using_subcommand reserve" -l no-color -d 'Never use colour (also honoured: NO_COLOR, TERM=dumb)'
complete -c seatctl -n "__fish_seatctl_using_subcommand reserve" -s v -l verbose -d 'Log what seatctl does on stderr: -v tries, retries, lock waits and lost races; -vv also every SQL statement with its time (RUST_LOG, e.g. seatctl=debug,sqlx=debug, overrides)'
complete -c seatctl -n "__fish_seatctl_using_subcommand reserve" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c seatctl -n "__fish_seatctl_using_subcommand release" -l seats -d 'Refund only these seats of a reservation (labels or ranges like A-12..A-14); the rest stays sold' -r
complete -c seatctl -n "__fish_seatctl_using_subcommand release" -l config -d 'Config file [default: ./seatctl.toml, else <config dir>/seatctl/config.toml]' -r -F
complete -c seatctl -n "__fish_seatctl_using_subcommand release" -l database-url -d 'Database: postgres://USER@HOST/DB or sqlite://PATH [default: embedded SQLite in the data dir]' -r
complete -c seatctl -n "__fish_seatctl_using_subcommand release" -l redis-url -d 'Redis, for the `redis` strategy [default: redis://127.0.0.1:6379]' -r
complete -c seatctl -n "__fish_seatctl_using_subcommand release" -l strategy -d 'Concurrency strategy for seat changes [default: occ]; `all` only for `simulate`' -r -f -a "occ\t'Optimistic concurrency: every write is guarded by the seat\'s version'
redis\t'Redis locks on every seat of an operation, with the version guard as the last word'
all\t'`simulate` only: run each strategy in turn and compare them'"
complete -c seatctl -n "__fish_seatctl_using_subcommand release" -l operator -d 'Who works at this terminal, recorded in the history as "by" [default: config terminal.operator, else the login name]' -r
complete -c seatctl -n "__fish_seatctl_using_subcommand release" -l reservation -d 'Given a hold that has become a reservation, release (refund) that reservation; without it such a hold is refused (exit 3), so an old hold id cannot refund a sale by accident'
complete -c seatctl -n "__fish_seatctl_using_subcommand release" -l json -d 'Print exactly one JSON document on stdout (errors as JSON on stderr)'
complete -c seatctl -n "__fish_seatctl_using_subcommand release" -l no-color -d 'Never use colour (also honoured: NO_COLOR, TERM=dumb)'
complete -c seatctl -n "__fish_seatctl_using_subcommand release" -s v -l verbose -d 'Log what seatctl does on stderr: -v tries, retries, lock waits and lost races; -vv also every SQL statement with its time (RUST_LOG, e.g. seatctl=debug,sqlx=debug, overrides)'
complete -c seatctl -n "__fish_seatctl_using_subcommand release" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c seatctl -n "__fish_seatctl_using_subcommand sweep" -l config -d 'Config file [default: ./seatctl.toml, else <config dir>/seatctl/config.toml]' -r -F
complete -c seatctl -n "__fish_seatctl_using_subcommand sweep" -l database-url -d 'Database: postgres://USER@HOST/DB or sqlite://PATH [default: embedded SQLite in the data dir]' -r
complete -c seatctl -n "__fish_seatctl_using_subcommand sweep" -l redis-url -d 'Redis, for the `redis` strategy [default: redis://127.0.0.1:6379]' -r
complete -c seatctl -n "__fish_seatctl_using_subcommand sweep" -l strategy -d 'Concurrency strategy for seat changes [default: occ]; `all` only for `simulate`' -r -f -a "occ\t'Optimistic concurrency: every write is guarded by the seat\'s version'
redis\t'Redis locks on every seat of an operation, with the version guard as the last word'
all\t'`simulate` only: run each strategy in turn and compare them'"
complete -c seatctl -n "__fish_seatctl_using_subcommand sweep" -l operator -d 'Who works at this terminal, recorded in the history as "by" [default: config terminal.operator, else the login name]' -r
complete -c seatctl -n "__fish_seatctl_using_subcommand sweep" -l json -d 'Print exactly one JSON document on stdout (errors as JSON on stderr)'
complete -c seatctl -n "__fish_seatctl_using_subcommand sweep" -l no-color -d 'Never use colour (also honoured: NO_COLOR, TERM=dumb)'
complete -c seatctl -n "__fish_seatctl_using_subcommand sweep" -s v -l verbose -d 'Log what seatctl does on stderr: -v tries, retries, lock waits and lost races; -vv also every SQL statement with its time (RUST_LOG, e.g. seatctl=debug,sqlx=debug, overrides)'
complete -c seatctl -n "__fish_seatctl_using_subcommand sweep" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c seatctl -n "__fish_seatctl_using_subcommand block" -l reason -d 'Why, for the map, the export and the history (e.g. "camera position")' -r
complete -c seatctl -n "__fish_seatctl_using_subcommand block" -l config -d 'Config file [default: ./seatctl.toml, else <config dir>/seatctl/config.toml]' -r -F
complete -c seatctl -n "__fish_seatctl_using_subcommand block" -l database-url -d 'Database: postgres://USER@HOST/DB or sqlite://PATH [default: embedded SQLite in the data dir]' -r
complete -c seatctl -n "__fish_seatctl_using_subcommand block" -l redis-url -d 'Redis, for the `redis` strategy [default: redis://127.0.0.1:6379]' -r
complete -c seatctl -n "__fish_seatctl_using_subcommand block" -l strategy -d 'Concurrency strategy for seat changes [default: occ]; `all` only for `simulate`' -r -f -a "occ\t'Optimistic concurrency: every write is guarded by the seat\'s version'
redis\t'Redis locks on every seat of an operation, with the version guard as the last word'
all\t'`simulate` only: run each strategy in turn and compare them'"
complete -c seatctl -n "__fish_seatctl_using_subcommand block" -l operator -d 'Who works at this terminal, recorded in the history as "by" [default: config terminal.operator, else the login name]' -r
complete -c seatctl -n "__fish_seatctl_using_subcommand block" -l json -d 'Print exactly one JSON document on stdout (errors as JSON on stderr)'
complete -c seatctl -n "__fish_seatctl_using_subcommand block" -l no-color -d 'Never use colour (also honoured: NO_COLOR, TERM=dumb)'
complete -c seatctl -n "__fish_seatctl_using_subcommand block" -s v -l verbose -d 'Log what seatctl does on stderr: -v tries, retries, lock waits and lost races; -vv also every SQL statement with its time (RUST_LOG, e.g. seatctl=debug,sqlx=debug, overrides)'
complete -c seatctl -n "__fish_seatctl_using_subcommand block" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c seatctl -n "__fish_seatctl_using_subcommand unblock" -l config -d 'Config file [default: ./seatctl.toml, else <config dir>/seatctl/config.toml]' -r -F
complete -c seatctl -n "__fish_seatctl_using_subcommand unblock" -l database-url -d 'Database: postgres://USER@HOST/DB or sqlite://PATH [default: embedded SQLite in the data dir]' -r
complete -c seatctl -n "__fish_seatctl_using_subcommand unblock" -l redis-url -d 'Redis, for the `redis` strategy [default: redis://127.0.0.1:6379]' -r
complete -c seatctl -n "__fish_seatctl_using_subcommand unblock" -l strategy -d 'Concurrency strategy for seat changes [default: occ]; `all` only for `simulate`' -r -f -a "occ\t'Optimistic concurrency: every write is guarded by the seat\'s version'
redis\t'Redis locks on every seat of an operation, with the version guard as the last word'
all\t'`simulate` only: run each strategy in turn and compare them'"
complete -c seatctl -n "__fish_seatctl_using_subcommand unblock" -l operator -d 'Who works at this terminal, recorded in the history as "by" [default: config terminal.operator, else the login name]' -r
complete -c seatctl -n "__fish_seatctl_using_subcommand unblock" -l json -d 'Print exactly one JSON document on stdout (errors as JSON on stderr)'
complete -c seatctl -n "__fish_seatctl_using_subcommand unblock" -l no-color -d 'Never use colour (also honoured: NO_COLOR, TERM=dumb)'
complete -c seatctl -n "__fish_seatctl_using_subcommand unblock" -s v -l verbose -d 'Log what seatctl does on stderr: -v tries, retries, lock waits and lost races; -vv also every SQL statement with its time (RUST_LOG, e.g. seatctl=debug,sqlx=debug, overrides)'
complete -c seatctl -n "__fish_seatctl_using_subcommand unblock" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c seatctl -n "__fish_seatctl_using_subcommand history" -l config -d 'Config file [default: ./seatctl.toml, else <config dir>/seatctl/config.toml]' -r -F
complete -c seatctl -n "__fish_seatctl_using_subcommand history" -l database-url -d 'Database: postgres://USER@HOST/DB or sqlite://PATH [default: embedded SQLite in the data dir]' -r
complete -c seatctl -n "__fish_seatctl_using_subcommand history" -l redis-url -d 'Redis, for the `redis` strategy [default: redis://127.0.0.1:6379]' -r
complete -c seatctl -n "__fish_seatctl_using_subcommand history" -l strategy -d 'Concurrency strategy for seat changes [default: occ]; `all` only for `simulate`' -r -f -a "occ\t'Optimistic concurrency: every write is guarded by the seat\'s version'
redis\t'Redis locks on every seat of an operation, with the version guard as the last word'
all\t'`simulate` only: run each strategy in turn and compare them'"
complete -c seatctl -n "__fish_seatctl_using_subcommand history" -l operator -d 'Who works at this terminal, recorded in the history as "by" [default: config terminal.operator, else the login name]' -r
complete -c seatctl -n "__fish_seatctl_using_subcommand history" -l csv -d 'Print CSV (a header row, then one row per change, ids whole) instead of a table'
complete -c seatctl -n "__fish_seatctl_using_subcommand history" -l json -d 'Print exactly one JSON document on stdout (errors as JSON on stderr)'
complete -c seatctl -n "__fish_seatctl_using_subcommand history" -l no-color -d 'Never use colour (also honoured: NO_COLOR, TERM=dumb)'
complete -c seatctl -n "__fish_seatctl_using_subcommand history" -s v -l verbose -d 'Log what seatctl does on stderr: -v tries, retries, lock waits and lost races; -vv also every SQL statement with its time (RUST_LOG, e.g. seatctl=debug,sqlx=debug, overrides)'
complete -c seatctl -n "__fish_seatctl_using_subcommand history" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c seatctl -n "__fish_seatctl_using_subcommand reservations" -l customer -d 'Only reservations whose customer contains this (any case)' -r
complete -c seatctl -n "__fish_seatctl_using_subcommand reservations" -l reference -d 'Only the reservation with this reference (any case)' -r
complete -c seatctl -n "__fish_seatctl_using_subcommand reservations" -l status -d 'Which reservations: active (sold), released (refunded) or all' -r -f -a "active\t'Sold and not refunded'
released\t'Refunded (`release`)'
all\t'Both'"
complete -c seatctl -n "__fish_seatctl_using_subcommand reservations" -l config -d 'Config file [default: ./seatctl.toml, else <config dir>/seatctl/config.toml]' -r -F
complete -c seatctl -n "__fish_seatctl_using_subcommand reservations" -l database-url -d 'Database: postgres://USER@HOST/DB or sqlite://PATH [default: embedded SQLite in the data dir]' -r
complete -c seatctl -n "__fish_seatctl_using_subcommand reservations" -l redis-url -d 'Redis, for the `redis` strategy [default: redis://127.0.0.1:6379]' -r
complete -c seatctl -n "__fish_seatctl_using_subcommand reservations" -l strategy -d 'Concurrency strategy for seat changes [default: occ]; `all` only for `simulate`' -r -f -a "occ\t'Optimistic concurrency: every write is guarded by the seat\'s version'
redis\t'Redis locks on every seat of an operation, with the version guard as the last word'
all\t'`simulate` only: run each strategy in turn and compare them'"
complete -c seatctl -n "__fish_seatctl_using_subcommand reservations" -l operator -d 'Who works at this terminal, recorded in the history as "by" [default: config terminal.operator, else the login name]' -r
complete -c seatctl -n "__fish_seatctl_using_subcommand reservations" -l csv -d 'Print CSV (a header row, then one row per reservation, seats separated by spaces)'
complete -c seatctl -n "__fish_seatctl_using_subcommand reservations" -l json -d 'Print exactly one JSON document on stdout (errors as JSON on stderr)'
complete -c seatctl -n "__fish_seatctl_using_subcommand reservations" -l no-color -d 'Never use colour (also honoured: NO_COLOR, TERM=dumb)'
complete -c seatctl -n "__fish_seatctl_using_subcommand reservations" -s v -l verbose -d 'Log what seatctl does on stderr: -v tries, retries, lock waits and lost races; -vv also every SQL statement with its time (RUST_LOG, e.g. seatctl=debug,sqlx=debug, overrides)'
complete -c seatctl -n "__fish_seatctl_using_subcommand reservations" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c seatctl -n "__fish_seatctl_using_subcommand holds" -l holder -d 'Only holds whose holder contains this (any case)' -r
complete -c seatctl -n "__fish_seatctl_using_subcommand holds" -l status -d 'Which holds, as the database\'s clock has them now' -r -f -a "active\t'Holding seats now'
expired\t'Lapsed (swept or not)'
reserved\t'Turned into a reservation that stands'
refunded\t'Turned into a reservation that was refunded since'
released\t'Released'
all\t'Every hold'"
complete -c seatctl -n "__fish_seatctl_using_subcommand holds" -l config -d 'Config file [default: ./seatctl.toml, else <config dir>/seatctl/config.toml]' -r -F
complete -c seatctl -n "__fish_seatctl_using_subcommand holds" -l database-url -d 'Database: postgres://USER@HOST/DB or sqlite://PATH [default: embedded SQLite in the data dir]' -r
complete -c seatctl -n "__fish_seatctl_using_subcommand holds" -l redis-url -d 'Redis, for the `redis` strategy [default: redis://127.0.0.1:6379]' -r
complete -c seatctl -n "__fish_seatctl_using_subcommand holds" -l strategy -d 'Concurrency strategy for seat changes [default: occ]; `all` only for `simulate`' -r -f -a "occ\t'Optimistic concurrency: every write is guarded by the seat\'s version'
redis\t'Redis locks on every seat of an operation, with the version guard as the last word'
all\t'`simulate` only: run each strategy in turn and compare them'"
complete -c seatctl -n "__fish_seatctl_using_subcommand holds" -l operator -d 'Who works at this terminal, recorded in the history as "by" [default: config terminal.operator, else the login name]' -r
complete -c seatctl -n "__fish_seatctl_using_subcommand holds" -l csv -d 'Print CSV (a header row, then one row per hold, seats separated by spaces)'
complete -c seatctl -n "__fish_seatctl_using_subcommand holds" -l json -d 'Print exactly one JSON document on stdout (errors as JSON on stderr)'
complete -c seatctl -n "__fish_seatctl_using_subcommand holds" -l no-color -d 'Never use colour (also honoured: NO_COLOR, TERM=dumb)'
complete -c seatctl -n "__fish_seatctl_using_subcommand holds" -s v -l verbose -d 'Log what seatctl does on stderr: -v tries, retries, lock waits and lost races; -vv also every SQL statement with its time (RUST_LOG, e.g. seatctl=debug,sqlx=debug, overrides)'
complete -c seatctl -n "__fish_seatctl_using_subcommand holds" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c seatctl -n "__fish_seatctl_using_subcommand price; and not __fish_seen_subcommand_from set clear list help" -l config -d 'Config file [default: ./seatctl.toml, else <config dir>/seatctl/config.toml]' -r -F
complete -c seatctl -n "__fish_seatctl_using_subcommand price; and not __fish_seen_subcommand_from set clear list help" -l database-url -d 'Database: postgres://USER@HOST/DB or sqlite://PATH [default: embedded SQLite in the data dir]' -r
complete -c seatctl -n "__fish_seatctl_using_subcommand price; and not __fish_seen_subcommand_from set clear list help" -l redis-url -d 'Redis, for the `redis` strategy [default: redis://127.0.0.1:6379]' -r
complete -c seatctl -n "__fish_seatctl_using_subcommand price; and not __fish_seen_subcommand_from set clear list help" -l strategy -d 'Concurrency strategy for seat changes [default: occ]; `all` only for `simulate`' -r -f -a "occ\t'Optimistic concurrency: every write is guarded by the seat\'s version'
redis\t'Redis locks on every seat of an operation, with the version guard as the last word'
all\t'`simulate` only: run each strategy in turn and compare them'"
complete -c seatctl -n "__fish_seatctl_using_subcommand price; and not __fish_seen_subcommand_from set clear list help" -l operator -d 'Who works at this terminal, recorded in the history as "by" [default: config terminal.operator, else the login name]' -r
complete -c seatctl -n "__fish_seatctl_using_subcommand price; and not __fish_seen_subcommand_from set clear list help" -l json -d 'Print exactly one JSON document on stdout (errors as JSON on stderr)'
complete -c seatctl -n "__fish_seatctl_using_subcommand price; and not __fish_seen_subcommand_from set clear list help" -l no-color -d 'Never use colour (also honoured: NO_COLOR, TERM=dumb)'
complete -c seatctl -n "__fish_seatctl_using_subcommand price; and not __fish_seen_subcommand_from set clear list help" -s v -l verbose -d 'Log what seatctl does on stderr: -v tries, retries, lock waits and lost races; -vv also every SQL statement with its time (RUST_LOG, e.g. seatctl=debug,sqlx=debug, overrides)'
complete -c seatctl -n "__fish_seatctl_using_subcommand price; and not __fish_seen_subcommand_from set clear list help" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c seatctl -n "__fish_seatctl_using_subcommand price; and not __fish_seen_subcommand_from set clear list help" -f -a "set" -d 'Set the price of a category\'s seats (or the event\'s default) to AMOUNT (45, 45.50)'
complete -c seatctl -n "__fish_seatctl_using_subcommand price; and not __fish_seen_subcommand_from set clear list help" -f -a "clear" -d 'Remove a category\'s price (or the default)'
complete -c seatctl -n "__fish_seatctl_using_subcommand price; and not __fish_seen_subcommand_from set clear list help" -f -a "list" -d 'List the event\'s prices'
complete -c seatctl -n "__fish_seatctl_using_subcommand price; and not __fish_seen_subcommand_from set clear list help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c seatctl -n "__fish_seatctl_using_subcommand price; and __fish_seen_subcommand_from set" -l category -d 'The seat category (any case, as `--category` elsewhere; general-admission areas\' too)' -r
complete -c seatctl -n "__fish_seatctl_using_subcommand price; and __fish_seen_subcommand_from set" -l config -d 'Config file [default: ./seatctl.toml, else <config dir>/seatctl/config.toml]' -r -F
complete -c seatctl -n "__fish_seatctl_using_subcommand price; and __fish_seen_subcommand_from set" -l database-url -d 'Database: postgres://USER@HOST/DB or sqlite://PATH [default: embedded SQLite in the data dir]' -r
complete -c seatctl -n "__fish_seatctl_using_subcommand price; and __fish_seen_subcommand_from set" -l redis-url -d 'Redis, for the `redis` strategy [default: redis://127.0.0.1:6379]' -r
complete -c seatctl -n "__fish_seatctl_using_subcommand price; and __fish_seen_subcommand_from set" -l strategy -d 'Concurrency strategy for seat changes [default: occ]; `all` only for `simulate`' -r -f -a "occ\t'Optimistic concurrency: every write is guarded by the seat\'s version'
redis\t'Redis locks on every seat of an operation, with the version guard as the last word'
all\t'`simulate` only: run each strategy in turn and compare them'"
complete -c seatctl -n "__fish_seatctl_using_subcommand price; and __fish_seen_subcommand_from set" -l operator -d 'Who works at this terminal, recorded in the history as "by" [default: config terminal.operator, else the login name]' -r
complete -c seatctl -n "__fish_seatctl_using_subcommand price; and __fish_seen_subcommand_from set" -l default -d 'The event\'s default: seats whose category has no price, or that have no category'
complete -c seatctl -n "__fish_seatctl_using_subcommand price; and __fish_seen_subcommand_from set" -l json -d 'Print exactly one JSON document on stdout (errors as JSON on stderr)'
complete -c seatctl -n "__fish_seatctl_using_subcommand price; and __fish_seen_subcommand_from set" -l no-color -d 'Never use colour (also honoured: NO_COLOR, TERM=dumb)'
complete -c seatctl -n "__fish_seatctl_using_subcommand price; and __fish_seen_subcommand_from set" -s v -l verbose -d 'Log what seatctl does on stderr: -v tries, retries, lock waits and lost races; -vv also every SQL statement with its time (RUST_LOG, e.g. seatctl=debug,sqlx=debug, overrides)'
complete -c seatctl -n "__fish_seatctl_using_subcommand price; and __fish_seen_subcommand_from set" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c seatctl -n "__fish_seatctl_using_subcommand price; and __fish_seen_subcommand_from clear" -l category -d 'The seat category (any case, as `--category` elsewhere; general-admission areas\' too)' -r
complete -c seatctl -n "__fish_seatctl_using_subcommand price; and __fish_seen_subcommand_from clear" -l config -d 'Config file [default: ./seatctl.toml, else <config dir>/seatctl/config.toml]' -r -F
complete -c seatctl -n "__fish_seatctl_using_subcommand price; and __fish_seen_subcommand_from clear" -l database-url -d 'Database: postgres://USER@HOST/DB or sqlite://PATH [default: embedded SQLite in the data dir]' -r
complete -c seatctl -n "__fish_seatctl_using_subcommand price; and __fish_seen_subcommand_from clear" -l redis-url -d 'Redis, for the `redis` strategy [default: redis://127.0.0.1:6379]' -r
complete -c seatctl -n "__fish_seatctl_using_subcommand price; and __fish_seen_subcommand_from clear" -l strategy -d 'Concurrency strategy for seat changes [default: occ]; `all` only for `simulate`' -r -f -a "occ\t'Optimistic concurrency: every write is guarded by the seat\'s version'
redis\t'Redis locks on every seat of an operation, with the version guard as the last word'
all\t'`simulate` only: run each strategy in turn and compare them'"
complete -c seatctl -n "__fish_seatctl_using_subcommand price; and __fish_seen_subcommand_from clear" -l operator -d 'Who works at this terminal, recorded in the history as "by" [default: config terminal.operator, else the login name]' -r
complete -c seatctl -n "__fish_seatctl_using_subcommand price; and __fish_seen_subcommand_from clear" -l default -d 'The event\'s default: seats whose category has no price, or that have no category'
complete -c seatctl -n "__fish_seatctl_using_subcommand price; and __fish_seen_subcommand_from clear" -l json -d 'Print exactly one JSON document on stdout (errors as JSON on stderr)'
complete -c seatctl -n "__fish_seatctl_using_subcommand price; and __fish_seen_subcommand_from clear" -l no-color -d 'Never use colour (also honoured: NO_COLOR, TERM=dumb)'
complete -c seatctl -n "__fish_seatctl_using_subcommand price; and __fish_seen_subcommand_from clear" -s v -l verbose -d 'Log what seatctl does on stderr: -v tries, retries, lock waits and lost races; -vv also every SQL statement with its time (RUST_LOG, e.g. seatctl=debug,sqlx=debug, overrides)'
complete -c seatctl -n "__fish_seatctl_using_subcommand price; and __fish_seen_subcommand_from clear" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c seatctl -n "__fish_seatctl_using_subcommand price; and __fish_seen_subcommand_from list" -l config -d 'Config file [default: ./seatctl.toml, else <config dir>/seatctl/config.toml]' -r -F
complete -c seatctl -n "__fish_seatctl_using_subcommand price; and __fish_seen_subcommand_from list" -l database-url -d 'Database: postgres://USER@HOST/DB or sqlite://PATH [default: embedded SQLite in the data dir]' -r
complete -c seatctl -n "__fish_seatctl_using_subcommand price; and __fish_seen_subcommand_from list" -l redis-url -d 'Redis, for the `redis` strategy [default: redis://127.0.0.1:6379]' -r
complete -c seatctl -n "__fish_seatctl_using_subcommand price; and __fish_seen_subcommand_from list" -l strategy -d 'Concurrency strategy for seat changes [default: occ]; `all` only for `simulate`' -r -f -a "occ\t'Optimistic concurrency: every write is guarded by the seat\'s version'
redis\t'Redis locks on every seat of an operation, with the version guard as the last word'
all\t'`simulate` only: run each strategy in turn and compare them'"
complete -c seatctl -n "__fish_seatctl_using_subcommand price; and __fish_seen_subcommand_from list" -l operator -d 'Who works at this terminal, recorded in the history as "by" [default: config terminal.operator, else the login name]' -r
complete -c seatctl -n "__fish_seatctl_using_subcommand price; and __fish_seen_subcommand_from list" -l json -d 'Print exactly one JSON document on stdout (errors as JSON on stderr)'
complete -c seatctl -n "__fish_seatctl_using_subcommand price; and __fish_seen_subcommand_from list" -l no-color -d 'Never use colour (also honoured: NO_COLOR, TERM=dumb)'
complete -c seatctl -n "__fish_seatctl_using_subcommand price; and __fish_seen_subcommand_from list" -s v -l verbose -d 'Log what seatctl does on stderr: -v tries, retries, lock waits and lost races; -vv also every SQL statement with its time (RUST_LOG, e.g. seatctl=debug,sqlx=debug, overrides)'
complete -c seatctl -n "__fish_seatctl_using_subcommand price; and __fish_seen_subcommand_from list" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c seatctl -n "__fish_seatctl_using_subcommand price; and __fish_seen_subcommand_from help" -f -a "set" -d 'Set the price of a category\'s seats (or the event\'s default) to AMOUNT (45, 45.50)'
complete -c seatctl -n "__fish_seatctl_using_subcommand price; and __fish_seen_subcommand_from help" -f -a "clear" -d 'Remove a category\'s price (or the default)'
complete -c seatctl -n "__fish_seatctl_using_subcommand price; and __fish_seen_subcommand_from help" -f -a "list" -d 'List the event\'s prices'
complete -c seatctl -n "__fish_seatctl_using_subcommand price; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c seatctl -n "__fish_seatctl_using_subcommand db; and not __fish_seen_subcommand_from migrate status roles help" -l config -d 'Config file [default: ./seatctl.toml, else <config dir>/seatctl/config.toml]' -r -F
complete -c seatctl -n "__fish_seatctl_using_subcommand db; and not __fish_seen_subcommand_from migrate status roles help" -l database-url -d 'Database: postgres://USER@HOST/DB or sqlite://PATH [default: embedded SQLite in the data dir]' -r
complete -c seatctl -n "__fish_seatctl_using_subcommand db; and not __fish_seen_subcommand_from migrate status roles help" -l redis-url -d 'Redis, for the `redis` strategy [default: redis://127.0.0.1:6379]' -r
complete -c seatctl -n "__fish_seatctl_using_subcommand db; and not __fish_seen_subcommand_from migrate status roles help" -l strategy -d 'Concurrency strategy for seat changes [default: occ]; `all` only for `simulate`' -r -f -a "occ\t'Optimistic concurrency: every write is guarded by the seat\'s version'
redis\t'Redis locks on every seat of an operation, with the version guard as the last word'
all\t'`simulate` only: run each strategy in turn and compare them'"
complete -c seatctl -n "__fish_seatctl_using_subcommand db; and not __fish_seen_subcommand_from migrate status roles help" -l operator -d 'Who works at this terminal, recorded in the history as "by" [default: config terminal.operator, else the login name]' -r
complete -c seatctl -n "__fish_seatctl_using_subcommand db; and not __fish_seen_subcommand_from migrate status roles help" -l json -d 'Print exactly one JSON document on stdout (errors as JSON on stderr)'
complete -c seatctl -n "__fish_seatctl_using_subcommand db; and not __fish_seen_subcommand_from migrate status roles help" -l no-color -d 'Never use colour (also honoured: NO_COLOR, TERM=dumb)'
complete -c seatctl -n "__fish_seatctl_using_subcommand db; and not __fish_seen_subcommand_from migrate status roles help" -s v -l verbose -d 'Log what seatctl does on stderr: -v tries, retries, lock waits and lost races; -vv also every SQL statement with its time (RUST_LOG, e.g. seatctl=debug,sqlx=debug, overrides)'
complete -c seatctl -n "__fish_seatctl_using_subcommand db; and not __fish_seen_subcommand_from migrate status roles help" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c seatctl -n "__fish_seatctl_using_subcommand db; and not __fish_seen_subcommand_from migrate status roles help" -f -a "migrate" -d 'Apply pending migrations (safe to run repeatedly and concurrently)'
complete -c seatctl -n "__fish_seatctl_using_subcommand db; and not __fish_seen_subcommand_from migrate status roles help" -f -a "status" -d 'Show which migrations are applied'
complete -c seatctl -n "__fish_seatctl_using_subcommand db; and not __fish_seen_subcommand_from migrate status roles help" -f -a "roles" -d 'Print (or with --apply, create) least-privilege PostgreSQL roles: PREFIXoperator, PREFIXbox_office, PREFIXreadonly (grant them to logins)'
complete -c seatctl -n "__fish_seatctl_using_subcommand db; and not __fish_seen_subcommand_from migrate status roles help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c seatctl -n "__fish_seatctl_using_subcommand db; and __fish_seen_subcommand_from migrate" -l config -d 'Config file [default: ./seatctl.toml, else <config dir>/seatctl/config.toml]' -r -F
complete -c seatctl -n "__fish_seatctl_using_subcommand db; and __fish_seen_subcommand_from migrate" -l database-url -d 'Database: postgres://USER@HOST/DB or sqlite://PATH [default: embedded SQLite in the data dir]' -r
complete -c seatctl -n "__fish_seatctl_using_subcommand db; and __fish_seen_subcommand_from migrate" -l redis-url -d 'Redis, for the `redis` strategy [default: redis://127.0.0.1:6379]' -r
complete -c seatctl -n "__fish_seatctl_using_subcommand db; and __fish_seen_subcommand_from migrate" -l strategy -d 'Concurrency strategy for seat changes [default: occ]; `all` only for `simulate`' -r -f -a "occ\t'Optimistic concurrency: every write is guarded by the seat\'s version'
redis\t'Redis locks on every seat of an operation, with the version guard as the last word'
all\t'`simulate` only: run each strategy in turn and compare them'"
complete -c seatctl -n "__fish_seatctl_using_subcommand db; and __fish_seen_subcommand_from migrate" -l operator -d 'Who works at this terminal, recorded in the history as "by" [default: config terminal.operator, else the login name]' -r
complete -c seatctl -n "__fish_seatctl_using_subcommand db; and __fish_seen_subcommand_from migrate" -l json -d 'Print exactly one JSON document on stdout (errors as JSON on stderr)'
complete -c seatctl -n "__fish_seatctl_using_subcommand db; and __fish_seen_subcommand_from migrate" -l no-color -d 'Never use colour (also honoured: NO_COLOR, TERM=dumb)'
complete -c seatctl -n "__fish_seatctl_using_subcommand db; and __fish_seen_subcommand_from migrate" -s v -l verbose -d 'Log what seatctl does on stderr: -v tries, retries, lock waits and lost races; -vv also every SQL statement with its time (RUST_LOG, e.g. seatctl=debug,sqlx=debug, overrides)'
complete -c seatctl -n "__fish_seatctl_using_subcommand db; and __fish_seen_subcommand_from migrate" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c seatctl -n "__fish_seatctl_using_subcommand db; and __fish_seen_subcommand_from status" -l config -d 'Config file [default: ./seatctl.toml, else <config dir>/seatctl/config.toml]' -r -F
complete -c seatctl -n "__fish_seatctl_using_subcommand db; and __fish_seen_subcommand_from status" -l database-url -d 'Database: postgres://USER@HOST/DB or sqlite://PATH [default: embedded SQLite in the data dir]' -r
complete -c seatctl -n "__fish_seatctl_using_subcommand db; and __fish_seen_subcommand_from status" -l redis-url -d 'Redis, for the `redis` strategy [default: redis://127.0.0.1:6379]' -r
complete -c seatctl -n "__fish_seatctl_using_subcommand db; and __fish_seen_subcommand_from status" -l strategy -d 'Concurrency strategy for seat changes [default: occ]; `all` only for `simulate`' -r -f -a "occ\t'Optimistic concurrency: every write is guarded by the seat\'s version'
redis\t'Redis locks on every seat of an operation, with the version guard as the last word'
all\t'`simulate` only: run each strategy in turn and compare them'"
complete -c seatctl -n "__fish_seatctl_using_subcommand db; and __fish_seen_subcommand_from status" -l operator -d 'Who works at this terminal, recorded in the history as "by" [default: config terminal.operator, else the login name]' -r
complete -c seatctl -n "__fish_seatctl_using_subcommand db; and __fish_seen_subcommand_from status" -l json -d 'Print exactly one JSON document on stdout (errors as JSON on stderr)'
complete -c seatctl -n "__fish_seatctl_using_subcommand db; and __fish_seen_subcommand_from status" -l no-color -d 'Never use colour (also honoured: NO_COLOR, TERM=dumb)'
complete -c seatctl -n "__fish_seatctl_using_subcommand db; and __fish_seen_subcommand_from status" -s v -l verbose -d 'Log what seatctl does on stderr: -v tries, retries, lock waits and lost races; -vv also every SQL statement with its time (RUST_LOG, e.g. seatctl=debug,sqlx=debug, overrides)'
complete -c seatctl -n "__fish_seatctl_using_subcommand db; and __fish_seen_subcommand_from status" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c seatctl -n "__fish_seatctl_using_subcommand db; and __fish_seen_subcommand_from roles" -l prefix -d 'The roles\' names start with this' -r
complete -c seatctl -n "__fish_seatctl_using_subcommand db; and __fish_seen_subcommand_from roles" -l config -d 'Config file [default: ./seatctl.toml, else <config dir>/seatctl/config.toml]' -r -F
complete -c seatctl -n "__fish_seatctl_using_subcommand db; and __fish_seen_subcommand_from roles" -l database-url -d 'Database: postgres://USER@HOST/DB or sqlite://PATH [default: embedded SQLite in the data dir]' -r
complete -c seatctl -n "__fish_seatctl_using_subcommand db; and __fish_seen_subcommand_from roles" -l redis-url -d 'Redis, for the `redis` strategy [default: redis://127.0.0.1:6379]' -r
complete -c seatctl -n "__fish_seatctl_using_subcommand db; and __fish_seen_subcommand_from roles" -l strategy -d 'Concurrency strategy for seat changes [default: occ]; `all` only for `simulate`' -r -f -a "occ\t'Optimistic concurrency: every write is guarded by the seat\'s version'
redis\t'Redis locks on every seat of an operation, with the version guard as the last word'
all\t'`simulate` only: run each strategy in turn and compare them'"
complete -c seatctl -n "__fish_seatctl_using_subcommand db; and __fish_seen_subcommand_from roles" -l operator -d 'Who works at this terminal, recorded in the history as "by" [default: config terminal.operator, else the login name]' -r
complete -c seatctl -n "__fish_seatctl_using_subcommand db; and __fish_seen_subcommand_from roles" -l apply -d 'Run the SQL (as the schema\'s owner or a superuser) instead of printing it'
complete -c seatctl -n "__fish_seatctl_using_subcommand db; and __fish_seen_subcommand_from roles" -l json -d 'Print exactly one JSON document on stdout (errors as JSON on stderr)'
complete -c seatctl -n "__fish_seatctl_using_subcommand db; and __fish_seen_subcommand_from roles" -l no-color -d 'Never use colour (also honoured: NO_COLOR, TERM=dumb)'
complete -c seatctl -n "__fish_seatctl_using_subcommand db; and __fish_seen_subcommand_from roles" -s v -l verbose -d 'Log what seatctl does on stderr: -v tries, retries, lock waits and lost races; -vv also every SQL statement with its time (RUST_LOG, e.g. seatctl=debug,sqlx=debug, overrides)'
complete -c seatctl -n "__fish_seatctl_using_subcommand db; and __fish_seen_subcommand_from roles" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c seatctl -n "__fish_seatctl_using_subcommand db; and __fish_seen_subcommand_from help" -f -a "migrate" -d 'Apply pending migrations (safe to run repeatedly and concurrently)'
complete -c seatctl -n "__fish_seatctl_using_subcommand db; and __fish_seen_subcommand_from help" -f -a "status" -d 'Show which migrations are applied'
complete -c seatctl -n "__fish_seatctl_using_subcommand db; and __fish_seen_subcommand_from help" -f -a "roles" -d 'Print (or with --apply, create) least-privilege PostgreSQL roles: PREFIXoperator, PREFIXbox_office, PREFIXreadonly (grant them to logins)'
complete -c seatctl -n "__fish_seatctl_using_subcommand db; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c seatctl -n "__fish_seatctl_using_subcommand demo" -l config -d 'Config file [default: ./seatctl.toml, else <config dir>/seatctl/config.toml]' -r -F
complete -c seatctl -n "__fish_seatctl_using_subcommand demo" -l database-url -d 'Database: postgres://USER@HOST/DB or sqlite://PATH [default: embedded SQLite in the data dir]' -r
complete -c seatctl -n "__fish_seatctl_using_subcommand demo" -l redis-url -d 'Redis, for the `redis` strategy [default: redis://127.0.0.1:6379]' -r
complete -c seatctl -n "__fish_seatctl_using_subcommand demo" -l strategy -d 'Concurrency strategy for seat changes [default: occ]; `all` only for `simulate`' -r -f -a "occ\t'Optimistic concurrency: every write is guarded by the seat\'s version'
redis\t'Redis locks on every seat of an operation, with the version guard as the last word'
all\t'`simulate` only: run each strategy in turn and compare them'"
complete -c seatctl -n "__fish_seatctl_using_subcommand demo" -l operator -d 'Who works at this terminal, recorded in the history as "by" [default: config terminal.operator, else the login name]' -r
complete -c seatctl -n "__fish_seatctl_using_subcommand demo" -l json -d 'Print exactly one JSON document on stdout (errors as JSON on stderr)'
complete -c seatctl -n "__fish_seatctl_using_subcommand demo" -l no-color -d 'Never use colour (also honoured: NO_COLOR, TERM=dumb)'
complete -c seatctl -n "__fish_seatctl_using_subcommand demo" -s v -l verbose -d 'Log what seatctl does on stderr: -v tries, retries, lock waits and lost races; -vv also every SQL statement with its time (RUST_LOG, e.g. seatctl=debug,sqlx=debug, overrides)'
complete -c seatctl -n "__fish_seatctl_using_subcommand demo" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c seatctl -n "__fish_seatctl_using_subcommand doctor" -l config -d 'Config file [default: ./seatctl.toml, else <config dir>/seatctl/config.toml]' -r -F
complete -c seatctl -n "__fish_seatctl_using_subcommand doctor" -l database-url -d 'Database: postgres://USER@HOST/DB or sqlite://PATH [default: embedded SQLite in the data dir]' -r
complete -c seatctl -n "__fish_seatctl_using_subcommand doctor" -l redis-url -d 'Redis, for the `redis` strategy [default: redis://127.0.0.1:6379]' -r
complete -c seatctl -n "__fish_seatctl_using_subcommand doctor" -l strategy -d 'Concurrency strategy for seat changes [default: occ]; `all` only for `simulate`' -r -f -a "occ\t'Optimistic concurrency: every write is guarded by the seat\'s version'
redis\t'Redis locks on every seat of an operation, with the version guard as the last word'
all\t'`simulate` only: run each strategy in turn and compare them'"
complete -c seatctl -n "__fish_seatctl_using_subcommand doctor" -l operator -d 'Who works at this terminal, recorded in the history as "by" [default: config terminal.operator, else the login name]' -r
complete -c seatctl -n "__fish_seatctl_using_subcommand doctor" -l json -d 'Print exactly one JSON document on stdout (errors as JSON on stderr)'
complete -c seatctl -n "__fish_seatctl_using_subcommand doctor" -l no-color -d 'Never use colour (also honoured: NO_COLOR, TERM=dumb)'
complete -c seatctl -n "__fish_seatctl_using_subcommand doctor" -s v -l verbose -d 'Log what seatctl does on stderr: -v tries, retries, lock waits and lost races; -vv also every SQL statement with its time (RUST_LOG, e.g. seatctl=debug,sqlx=debug, overrides)'
complete -c seatctl -n "__fish_seatctl_using_subcommand doctor" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c seatctl -n "__fish_seatctl_using_subcommand report" -l within -d 'List holds lapsing within this time' -r
complete -c seatctl -n "__fish_seatctl_using_subcommand report" -l config -d 'Config file [default: ./seatctl.toml, else <config dir>/seatctl/config.toml]' -r -F
complete -c seatctl -n "__fish_seatctl_using_subcommand report" -l database-url -d 'Database: postgres://USER@HOST/DB or sqlite://PATH [default: embedded SQLite in the data dir]' -r
complete -c seatctl -n "__fish_seatctl_using_subcommand report" -l redis-url -d 'Redis, for the `redis` strategy [default: redis://127.0.0.1:6379]' -r
complete -c seatctl -n "__fish_seatctl_using_subcommand report" -l strategy -d 'Concurrency strategy for seat changes [default: occ]; `all` only for `simulate`' -r -f -a "occ\t'Optimistic concurrency: every write is guarded by the seat\'s version'
redis\t'Redis locks on every seat of an operation, with the version guard as the last word'
all\t'`simulate` only: run each strategy in turn and compare them'"
complete -c seatctl -n "__fish_seatctl_using_subcommand report" -l operator -d 'Who works at this terminal, recorded in the history as "by" [default: config terminal.operator, else the login name]' -r
complete -c seatctl -n "__fish_seatctl_using_subcommand report" -l csv -d 'Print the counts as CSV (scope,name,total,available,held,reserved,blocked,sold_pct,revenue)'
complete -c seatctl -n "__fish_seatctl_using_subcommand report" -l json -d 'Print exactly one JSON document on stdout (errors as JSON on stderr)'
complete -c seatctl -n "__fish_seatctl_using_subcommand report" -l no-color -d 'Never use colour (also honoured: NO_COLOR, TERM=dumb)'
complete -c seatctl -n "__fish_seatctl_using_subcommand report" -s v -l verbose -d 'Log what seatctl does on stderr: -v tries, retries, lock waits and lost races; -vv also every SQL statement with its time (RUST_LOG, e.g. seatctl=debug,sqlx=debug, overrides)'
complete -c seatctl -n "__fish_seatctl_using_subcommand report" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c seatctl -n "__fish_seatctl_using_subcommand export" -s o -l output -d 'Write to this file instead of stdout (replaced whole, never half-written)' -r -F
complete -c seatctl -n "__fish_seatctl_using_subcommand export" -l config -d 'Config file [default: ./seatctl.toml, else <config dir>/seatctl/config.toml]' -r -F
complete -c seatctl -n "__fish_seatctl_using_subcommand export" -l database-url -d 'Database: postgres://USER@HOST/DB or sqlite://PATH [default: embedded SQLite in the data dir]' -r
complete -c seatctl -n "__fish_seatctl_using_subcommand export" -l redis-url -d 'Redis, for the `redis` strategy [default: redis://127.0.0.1:6379]' -r
complete -c seatctl -n "__fish_seatctl_using_subcommand export" -l strategy -d 'Concurrency strategy for seat changes [default: occ]; `all` only for `simulate`' -r -f -a "occ\t'Optimistic concurrency: every write is guarded by the seat\'s version'
redis\t'Redis locks on every seat of an operation, with the version guard as the last word'
all\t'`simulate` only: run each strategy in turn and compare them'"
complete -c seatctl -n "__fish_seatctl_using_subcommand export" -l operator -d 'Who works at this terminal, recorded in the history as "by" [default: config terminal.operator, else the login name]' -r
complete -c seatctl -n "__fish_seatctl_using_subcommand export" -l csv -d 'CSV (the default without --json)'
complete -c seatctl -n "__fish_seatctl_using_subcommand export" -l json -d 'Print exactly one JSON document on stdout (errors as JSON on stderr)'
complete -c seatctl -n "__fish_seatctl_using_subcommand export" -l no-color -d 'Never use colour (also honoured: NO_COLOR, TERM=dumb)'
complete -c seatctl -n "__fish_seatctl_using_subcommand export" -s v -l verbose -d 'Log what seatctl does on stderr: -v tries, retries, lock waits and lost races; -vv also every SQL statement with its time (RUST_LOG, e.g. seatctl=debug,sqlx=debug, overrides)'
complete -c seatctl -n "__fish_seatctl_using_subcommand export" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c seatctl -n "__fish_seatctl_using_subcommand simulate; and not __fish_seen_subcommand_from merge compare help" -l event -d 'Run on a throw-away copy of this event\'s layout (id, name or unique prefix); its own seats are not touched unless --in-place' -r
complete -c seatctl -n "__fish_seatctl_using_subcommand simulate; and not __fish_seen_subcommand_from merge compare help" -l seats -d 'Create a throw-away event with N general-admission seats' -r
complete -c seatctl -n "__fish_seatctl_using_subcommand simulate; and not __fish_seen_subcommand_from merge compare help" -l layout -d 'Create a throw-away event from this layout file (CSV, TOML or JSON)' -r -F
complete -c seatctl -n "__fish_seatctl_using_subcommand simulate; and not __fish_seen_subcommand_from merge compare help" -l buyers -d 'Concurrent buyers (closed loop); with --rate, the most buys in flight at once' -r
complete -c seatctl -n "__fish_seatctl_using_subcommand simulate; and not __fish_seen_subcommand_from merge compare help" -l connections -d 'Database connections, one per worker [default: min(buyers, 32)]' -r
complete -c seatctl -n "__fish_seatctl_using_subcommand simulate; and not __fish_seen_subcommand_from merge compare help" -l rate -d 'Open loop: R arrivals per second (Poisson); latency counts from each scheduled start' -r
complete -c seatctl -n "__fish_seatctl_using_subcommand simulate; and not __fish_seen_subcommand_from merge compare help" -l stages -d 'Open loop ramping from stage to stage: DURATION:RATE,… (k6\'s stages), e.g. 10s:100,30s:1000,10s:0 (to 100/s over 10 s, to 1000/s over 30 s, down to 0 over 10 s); the run lasts their total' -r
complete -c seatctl -n "__fish_seatctl_using_subcommand simulate; and not __fish_seen_subcommand_from merge compare help" -l duration -d 'How long to measure, after the warm-up [default: 10s unless --ops]' -r
complete -c seatctl -n "__fish_seatctl_using_subcommand simulate; and not __fish_seen_subcommand_from merge compare help" -l ops -d 'Stop after N measured buys instead' -r
complete -c seatctl -n "__fish_seatctl_using_subcommand simulate; and not __fish_seen_subcommand_from merge compare help" -l warmup -d 'Run this long first without counting it' -r
complete -c seatctl -n "__fish_seatctl_using_subcommand simulate; and not __fish_seen_subcommand_from merge compare help" -l party -d 'Seats per buyer: fixed (2) or a range (1..4)' -r
complete -c seatctl -n "__fish_seatctl_using_subcommand simulate; and not __fish_seen_subcommand_from merge compare help" -l area -d 'Buyers take --party places of this general-admission area instead of seats' -r
complete -c seatctl -n "__fish_seatctl_using_subcommand simulate; and not __fish_seen_subcommand_from merge compare help" -l hot -d 'Skew, SHARE:FRACTION: e.g. 0.8:0.1, 80% of buyers want seats in the best 10%' -r
complete -c seatctl -n "__fish_seatctl_using_subcommand simulate; and not __fish_seen_subcommand_from merge compare help" -l reserve-ratio -d 'Share of holds turned into reservations; the rest are released (or abandoned)' -r
complete -c seatctl -n "__fish_seatctl_using_subcommand simulate; and not __fish_seen_subcommand_from merge compare help" -l abandon -d 'Share of the holds not reserved that are left to lapse instead of released' -r
complete -c seatctl -n "__fish_seatctl_using_subcommand simulate; and not __fish_seen_subcommand_from merge compare help" -l mix -d 'Single operations by weight instead of whole buys: extend, reserve and release act on any recent hold of the run, from any process; every answer is then checked (history checker, exit 10); --reserve-ratio and --abandon do not apply. E.g. hold=50,extend=10,reserve=25,release=15' -r
complete -c seatctl -n "__fish_seatctl_using_subcommand simulate; and not __fish_seen_subcommand_from merge compare help" -l hold-ttl -d 'Hold TTL [default: reservation.hold_ttl]' -r
complete -c seatctl -n "__fish_seatctl_using_subcommand simulate; and not __fish_seen_subcommand_from merge compare help" -l seed -d 'Seed for seat choice, skew and decisions [default: random, printed in the report]' -r
complete -c seatctl -n "__fish_seatctl_using_subcommand simulate; and not __fish_seen_subcommand_from merge compare help" -l processes -d 'Spread the buyers over N seatctl processes (as many terminals would)' -r
complete -c seatctl -n "__fish_seatctl_using_subcommand simulate; and not __fish_seen_subcommand_from merge compare help" -l run-id -d 'Name this run, so that results from several hosts can be merged' -r
complete -c seatctl -n "__fish_seatctl_using_subcommand simulate; and not __fish_seen_subcommand_from merge compare help" -l progress -d 'A progress line this often (on a terminal only; never with --json)' -r
complete -c seatctl -n "__fish_seatctl_using_subcommand simulate; and not __fish_seen_subcommand_from merge compare help" -l threshold -d 'Fail (exit 11) unless a metric holds, e.g. \'p99<50ms\', \'conflict_rate<0.2\' (repeatable)' -r
complete -c seatctl -n "__fish_seatctl_using_subcommand simulate; and not __fish_seen_subcommand_from merge compare help" -l csv -d 'Write one CSV line per buy (start, end, buyer, seats, strategy, outcome, tries)' -r -F
complete -c seatctl -n "__fish_seatctl_using_subcommand simulate; and not __fish_seen_subcommand_from merge compare help" -l report -d 'Write plots of latency percentiles and throughput over time (.svg or .html)' -r -F
complete -c seatctl -n "__fish_seatctl_using_subcommand simulate; and not __fish_seen_subcommand_from merge compare help" -l pause-after-lock -d 'Fault: a buyer stalls this long after taking its locks, before writing' -r
complete -c seatctl -n "__fish_seatctl_using_subcommand simulate; and not __fish_seen_subcommand_from merge compare help" -l pause-prob -d 'Fault: share of holds that stall (with --pause-after-lock) [default: 0.1]' -r
complete -c seatctl -n "__fish_seatctl_using_subcommand simulate; and not __fish_seen_subcommand_from merge compare help" -l kill-connection-prob -d 'Fault (PostgreSQL): share of holds whose connection the server terminates mid-transaction' -r
complete -c seatctl -n "__fish_seatctl_using_subcommand simulate; and not __fish_seen_subcommand_from merge compare help" -l fault-lost-answers -d 'Test-only: share of holds whose answer is lost after they commit (as when a connection breaks once COMMIT was sent), so the buyer must retry with its idempotency key' -r
complete -c seatctl -n "__fish_seatctl_using_subcommand simulate; and not __fish_seen_subcommand_from merge compare help" -l worker-plan -d 'Internal: run as one worker process of --processes, with this share of the run (JSON), and print raw results' -r
complete -c seatctl -n "__fish_seatctl_using_subcommand simulate; and not __fish_seen_subcommand_from merge compare help" -l config -d 'Config file [default: ./seatctl.toml, else <config dir>/seatctl/config.toml]' -r -F
complete -c seatctl -n "__fish_seatctl_using_subcommand simulate; and not __fish_seen_subcommand_from merge compare help" -l database-url -d 'Database: postgres://USER@HOST/DB or sqlite://PATH [default: embedded SQLite in the data dir]' -r
complete -c seatctl -n "__fish_seatctl_using_subcommand simulate; and not __fish_seen_subcommand_from merge compare help" -l redis-url -d 'Redis, for the `redis` strategy [default: redis://127.0.0.1:6379]' -r
complete -c seatctl -n "__fish_seatctl_using_subcommand simulate; and not __fish_seen_subcommand_from merge compare help" -l strategy -d 'Concurrency strategy for seat changes [default: occ]; `all` only for `simulate`' -r -f -a "occ\t'Optimistic concurrency: every write is guarded by the seat\'s version'
redis\t'Redis locks on every seat of an operation, with the version guard as the last word'
all\t'`simulate` only: run each strategy in turn and compare them'"
complete -c seatctl -n "__fish_seatctl_using_subcommand simulate; and not __fish_seen_subcommand_from merge compare help" -l operator -d 'Who works at this terminal, recorded in the history as "by" [default: config terminal.operator, else the login name]' -r
complete -c seatctl -n "__fish_seatctl_using_subcommand simulate; and not __fish_seen_subcommand_from merge compare help" -l in-place -d 'With --event: sell the event\'s own seats (real holds and reservations, left in place); refused when the event has holds or reservations no simulation made, unless --yes'
complete -c seatctl -n "__fish_seatctl_using_subcommand simulate; and not __fish_seen_subcommand_from merge compare help" -l yes -d 'With --in-place: sell the event\'s seats even though it has real holds or reservations'
complete -c seatctl -n "__fish_seatctl_using_subcommand simulate; and not __fish_seen_subcommand_from merge compare help" -l keep -d 'Keep the throw-away event(s) afterwards, for inspection'
complete -c seatctl -n "__fish_seatctl_using_subcommand simulate; and not __fish_seen_subcommand_from merge compare help" -l best -d 'Buyers ask for the best available seats instead of picking seats'
complete -c seatctl -n "__fish_seatctl_using_subcommand simulate; and not __fish_seen_subcommand_from merge compare help" -l fault-unguarded-writes -d 'Test-only sabotage: hold without the version guard, to show the audit catches it'
complete -c seatctl -n "__fish_seatctl_using_subcommand simulate; and not __fish_seen_subcommand_from merge compare help" -l fault-unguarded-extend -d 'Test-only sabotage (with --mix): extend without checking the hold\'s state, to show the history checker catches it'
complete -c seatctl -n "__fish_seatctl_using_subcommand simulate; and not __fish_seen_subcommand_from merge compare help" -l json -d 'Print exactly one JSON document on stdout (errors as JSON on stderr)'
complete -c seatctl -n "__fish_seatctl_using_subcommand simulate; and not __fish_seen_subcommand_from merge compare help" -l no-color -d 'Never use colour (also honoured: NO_COLOR, TERM=dumb)'
complete -c seatctl -n "__fish_seatctl_using_subcommand simulate; and not __fish_seen_subcommand_from merge compare help" -s v -l verbose -d 'Log what seatctl does on stderr: -v tries, retries, lock waits and lost races; -vv also every SQL statement with its time (RUST_LOG, e.g. seatctl=debug,sqlx=debug, overrides)'
complete -c seatctl -n "__fish_seatctl_using_subcommand simulate; and not __fish_seen_subcommand_from merge compare help" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c seatctl -n "__fish_seatctl_using_subcommand simulate; and not __fish_seen_subcommand_from merge compare help" -f -a "merge" -d 'Merge `simulate --json` results from several hosts (same --run-id) into one report'
complete -c seatctl -n "__fish_seatctl_using_subcommand simulate; and not __fish_seen_subcommand_from merge compare help" -f -a "compare" -d 'Compare a run with a baseline, metric by metric; exit 11 when a --threshold budget is exceeded'
complete -c seatctl -n "__fish_seatctl_using_subcommand simulate; and not __fish_seen_subcommand_from merge compare help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c seatctl -n "__fish_seatctl_using_subcommand simulate; and __fish_seen_subcommand_from merge" -l threshold -d 'Check a metric of every strategy\'s merged run, e.g. \'p99<50ms\' (repeatable; exit 11)' -r
complete -c seatctl -n "__fish_seatctl_using_subcommand simulate; and __fish_seen_subcommand_from merge" -l report -d 'Write plots of latency percentiles and throughput over time (.svg or .html)' -r -F
complete -c seatctl -n "__fish_seatctl_using_subcommand simulate; and __fish_seen_subcommand_from merge" -l config -d 'Config file [default: ./seatctl.toml, else <config dir>/seatctl/config.toml]' -r -F
complete -c seatctl -n "__fish_seatctl_using_subcommand simulate; and __fish_seen_subcommand_from merge" -l database-url -d 'Database: postgres://USER@HOST/DB or sqlite://PATH [default: embedded SQLite in the data dir]' -r
complete -c seatctl -n "__fish_seatctl_using_subcommand simulate; and __fish_seen_subcommand_from merge" -l redis-url -d 'Redis, for the `redis` strategy [default: redis://127.0.0.1:6379]' -r
complete -c seatctl -n "__fish_seatctl_using_subcommand simulate; and __fish_seen_subcommand_from merge" -l strategy -d 'Concurrency strategy for seat changes [default: occ]; `all` only for `simulate`' -r -f -a "occ\t'Optimistic concurrency: every write is guarded by the seat\'s version'
redis\t'Redis locks on every seat of an operation, with the version guard as the last word'
all\t'`simulate` only: run each strategy in turn and compare them'"
complete -c seatctl -n "__fish_seatctl_using_subcommand simulate; and __fish_seen_subcommand_from merge" -l operator -d 'Who works at this terminal, recorded in the history as "by" [default: config terminal.operator, else the login name]' -r
complete -c seatctl -n "__fish_seatctl_using_subcommand simulate; and __fish_seen_subcommand_from merge" -l json -d 'Print exactly one JSON document on stdout (errors as JSON on stderr)'
complete -c seatctl -n "__fish_seatctl_using_subcommand simulate; and __fish_seen_subcommand_from merge" -l no-color -d 'Never use colour (also honoured: NO_COLOR, TERM=dumb)'
complete -c seatctl -n "__fish_seatctl_using_subcommand simulate; and __fish_seen_subcommand_from merge" -s v -l verbose -d 'Log what seatctl does on stderr: -v tries, retries, lock waits and lost races; -vv also every SQL statement with its time (RUST_LOG, e.g. seatctl=debug,sqlx=debug, overrides)'
complete -c seatctl -n "__fish_seatctl_using_subcommand simulate; and __fish_seen_subcommand_from merge" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c seatctl -n "__fish_seatctl_using_subcommand simulate; and __fish_seen_subcommand_from compare" -l threshold -d 'How far a metric may move: \'p99+10%\' (grow by at most 10%), \'holds_per_s-5%\' (fall by at most 5%); repeatable; exceeded: exit 11' -r
complete -c seatctl -n "__fish_seatctl_using_subcommand simulate; and __fish_seen_subcommand_from compare" -l config -d 'Config file [default: ./seatctl.toml, else <config dir>/seatctl/config.toml]' -r -F
complete -c seatctl -n "__fish_seatctl_using_subcommand simulate; and __fish_seen_subcommand_from compare" -l database-url -d 'Database: postgres://USER@HOST/DB or sqlite://PATH [default: embedded SQLite in the data dir]' -r
complete -c seatctl -n "__fish_seatctl_using_subcommand simulate; and __fish_seen_subcommand_from compare" -l redis-url -d 'Redis, for the `redis` strategy [default: redis://127.0.0.1:6379]' -r
complete -c seatctl -n "__fish_seatctl_using_subcommand simulate; and __fish_seen_subcommand_from compare" -l strategy -d 'Concurrency strategy for seat changes [default: occ]; `all` only for `simulate`' -r -f -a "occ\t'Optimistic concurrency: every write is guarded by the seat\'s version'
redis\t'Redis locks on every seat of an operation, with the version guard as the last word'
all\t'`simulate` only: run each strategy in turn and compare them'"
complete -c seatctl -n "__fish_seatctl_using_subcommand simulate; and __fish_seen_subcommand_from compare" -l operator -d 'Who works at this terminal, recorded in the history as "by" [default: config terminal.operator, else the login name]' -r
complete -c seatctl -n "__fish_seatctl_using_subcommand simulate; and __fish_seen_subcommand_from compare" -l json -d 'Print exactly one JSON document on stdout (errors as JSON on stderr)'
complete -c seatctl -n "__fish_seatctl_using_subcommand simulate; and __fish_seen_subcommand_from compare" -l no-color -d 'Never use colour (also honoured: NO_COLOR, TERM=dumb)'
complete -c seatctl -n "__fish_seatctl_using_subcommand simulate; and __fish_seen_subcommand_from compare" -s v -l verbose -d 'Log what seatctl does on stderr: -v tries, retries, lock waits and lost races; -vv also every SQL statement with its time (RUST_LOG, e.g. seatctl=debug,sqlx=debug, overrides)'
complete -c seatctl -n "__fish_seatctl_using_subcommand simulate; and __fish_seen_subcommand_from compare" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c seatctl -n "__fish_seatctl_using_subcommand simulate; and __fish_seen_subcommand_from help" -f -a "merge" -d 'Merge `simulate --json` results from several hosts (same --run-id) into one report'
complete -c seatctl -n "__fish_seatctl_using_subcommand simulate; and __fish_seen_subcommand_from help" -f -a "compare" -d 'Compare a run with a baseline, metric by metric; exit 11 when a --threshold budget is exceeded'
complete -c seatctl -n "__fish_seatctl_using_subcommand simulate; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c seatctl -n "__fish_seatctl_using_subcommand serve" -l listen -d 'Address to listen on, like 127.0.0.1:8080 or [::]:8080 (port 0: any free port) [default: server.listen]' -r
complete -c seatctl -n "__fish_seatctl_using_subcommand serve" -l log-format -d 'Request logs on stderr: text, or json (one object per line) [default: server.log_format]' -r -f -a "text\t'Human-readable lines'
json\t'One JSON object per line'"
complete -c seatctl -n "__fish_seatctl_using_subcommand serve" -l config -d 'Config file [default: ./seatctl.toml, else <config dir>/seatctl/config.toml]' -r -F
complete -c seatctl -n "__fish_seatctl_using_subcommand serve" -l database-url -d 'Database: postgres://USER@HOST/DB or sqlite://PATH [default: embedded SQLite in the data dir]' -r
complete -c seatctl -n "__fish_seatctl_using_subcommand serve" -l redis-url -d 'Redis, for the `redis` strategy [default: redis://127.0.0.1:6379]' -r
complete -c seatctl -n "__fish_seatctl_using_subcommand serve" -l strategy -d 'Concurrency strategy for seat changes [default: occ]; `all` only for `simulate`' -r -f -a "occ\t'Optimistic concurrency: every write is guarded by the seat\'s version'
redis\t'Redis locks on every seat of an operation, with the version guard as the last word'
all\t'`simulate` only: run each strategy in turn and compare them'"
complete -c seatctl -n "__fish_seatctl_using_subcommand serve" -l operator -d 'Who works at this terminal, recorded in the history as "by" [default: config terminal.operator, else the login name]' -r
complete -c seatctl -n "__fish_seatctl_using_subcommand serve" -l json -d 'Print exactly one JSON document on stdout (errors as JSON on stderr)'
complete -c seatctl -n "__fish_seatctl_using_subcommand serve" -l no-color -d 'Never use colour (also honoured: NO_COLOR, TERM=dumb)'
complete -c seatctl -n "__fish_seatctl_using_subcommand serve" -s v -l verbose -d 'Log what seatctl does on stderr: -v tries, retries, lock waits and lost races; -vv also every SQL statement with its time (RUST_LOG, e.g. seatctl=debug,sqlx=debug, overrides)'
complete -c seatctl -n "__fish_seatctl_using_subcommand serve" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c seatctl -n "__fish_seatctl_using_subcommand apikey; and not __fish_seen_subcommand_from create list revoke help" -l config -d 'Config file [default: ./seatctl.toml, else <config dir>/seatctl/config.toml]' -r -F
complete -c seatctl -n "__fish_seatctl_using_subcommand apikey; and not __fish_seen_subcommand_from create list revoke help" -l database-url -d 'Database: postgres://USER@HOST/DB or sqlite://PATH [default: embedded SQLite in the data dir]' -r
complete -c seatctl -n "__fish_seatctl_using_subcommand apikey; and not __fish_seen_subcommand_from create list revoke help" -l redis-url -d 'Redis, for the `redis` strategy [default: redis://127.0.0.1:6379]' -r
complete -c seatctl -n "__fish_seatctl_using_subcommand apikey; and not __fish_seen_subcommand_from create list revoke help" -l strategy -d 'Concurrency strategy for seat changes [default: occ]; `all` only for `simulate`' -r -f -a "occ\t'Optimistic concurrency: every write is guarded by the seat\'s version'
redis\t'Redis locks on every seat of an operation, with the version guard as the last word'
all\t'`simulate` only: run each strategy in turn and compare them'"
complete -c seatctl -n "__fish_seatctl_using_subcommand apikey; and not __fish_seen_subcommand_from create list revoke help" -l operator -d 'Who works at this terminal, recorded in the history as "by" [default: config terminal.operator, else the login name]' -r
complete -c seatctl -n "__fish_seatctl_using_subcommand apikey; and not __fish_seen_subcommand_from create list revoke help" -l json -d 'Print exactly one JSON document on stdout (errors as JSON on stderr)'
complete -c seatctl -n "__fish_seatctl_using_subcommand apikey; and not __fish_seen_subcommand_from create list revoke help" -l no-color -d 'Never use colour (also honoured: NO_COLOR, TERM=dumb)'
complete -c seatctl -n "__fish_seatctl_using_subcommand apikey; and not __fish_seen_subcommand_from create list revoke help" -s v -l verbose -d 'Log what seatctl does on stderr: -v tries, retries, lock waits and lost races; -vv also every SQL statement with its time (RUST_LOG, e.g. seatctl=debug,sqlx=debug, overrides)'
complete -c seatctl -n "__fish_seatctl_using_subcommand apikey; and not __fish_seen_subcommand_from create list revoke help" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c seatctl -n "__fish_seatctl_using_subcommand apikey; and not __fish_seen_subcommand_from create list revoke help" -f -a "create" -d 'Make a key for one caller (a kiosk, a web shop); it is printed this once'
complete -c seatctl -n "__fish_seatctl_using_subcommand apikey; and not __fish_seen_subcommand_from create list revoke help" -f -a "list" -d 'List the keys (never the keys themselves: their first characters)'
complete -c seatctl -n "__fish_seatctl_using_subcommand apikey; and not __fish_seen_subcommand_from create list revoke help" -f -a "revoke" -d 'Revoke a key by name: requests with it are refused from now on'
complete -c seatctl -n "__fish_seatctl_using_subcommand apikey; and not __fish_seen_subcommand_from create list revoke help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c seatctl -n "__fish_seatctl_using_subcommand apikey; and __fish_seen_subcommand_from create" -l name -d 'The caller\'s name, recorded in the history as "by" for every change it makes' -r
complete -c seatctl -n "__fish_seatctl_using_subcommand apikey; and __fish_seen_subcommand_from create" -l role -d 'operator: everything; box-office: sell (hold, extend, reserve, release) and read; readonly: read' -r -f -a "operator\t''
box-office\t''
readonly\t''"
complete -c seatctl -n "__fish_seatctl_using_subcommand apikey; and __fish_seen_subcommand_from create" -l config -d 'Config file [default: ./seatctl.toml, else <config dir>/seatctl/config.toml]' -r -F
complete -c seatctl -n "__fish_seatctl_using_subcommand apikey; and __fish_seen_subcommand_from create" -l database-url -d 'Database: postgres://USER@HOST/DB or sqlite://PATH [default: embedded SQLite in the data dir]' -r
complete -c seatctl -n "__fish_seatctl_using_subcommand apikey; and __fish_seen_subcommand_from create" -l redis-url -d 'Redis, for the `redis` strategy [default: redis://127.0.0.1:6379]' -r
complete -c seatctl -n "__fish_seatctl_using_subcommand apikey; and __fish_seen_subcommand_from create" -l strategy -d 'Concurrency strategy for seat changes [default: occ]; `all` only for `simulate`' -r -f -a "occ\t'Optimistic concurrency: every write is guarded by the seat\'s version'
redis\t'Redis locks on every seat of an operation, with the version guard as the last word'
all\t'`simulate` only: run each strategy in turn and compare them'"
complete -c seatctl -n "__fish_seatctl_using_subcommand apikey; and __fish_seen_subcommand_from create" -l operator -d 'Who works at this terminal, recorded in the history as "by" [default: config terminal.operator, else the login name]' -r
complete -c seatctl -n "__fish_seatctl_using_subcommand apikey; and __fish_seen_subcommand_from create" -s q -l quiet -d 'Print only the key (for `key=$(seatctl apikey create …)`)'
complete -c seatctl -n "__fish_seatctl_using_subcommand apikey; and __fish_seen_subcommand_from create" -l json -d 'Print exactly one JSON document on stdout (errors as JSON on stderr)'
complete -c seatctl -n "__fish_seatctl_using_subcommand apikey; and __fish_seen_subcommand_from create" -l no-color -d 'Never use colour (also honoured: NO_COLOR, TERM=dumb)'
complete -c seatctl -n "__fish_seatctl_using_subcommand apikey; and __fish_seen_subcommand_from create" -s v -l verbose -d 'Log what seatctl does on stderr: -v tries, retries, lock waits and lost races; -vv also every SQL statement with its time (RUST_LOG, e.g. seatctl=debug,sqlx=debug, overrides)'
complete -c seatctl -n "__fish_seatctl_using_subcommand apikey; and __fish_seen_subcommand_from create" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c seatctl -n "__fish_seatctl_using_subcommand apikey; and __fish_seen_subcommand_from list" -l config -d 'Config file [default: ./seatctl.toml, else <config dir>/seatctl/config.toml]' -r -F
complete -c seatctl -n "__fish_seatctl_using_subcommand apikey; and __fish_seen_subcommand_from list" -l database-url -d 'Database: postgres://USER@HOST/DB or sqlite://PATH [default: embedded SQLite in the data dir]' -r
complete -c seatctl -n "__fish_seatctl_using_subcommand apikey; and __fish_seen_subcommand_from list" -l redis-url -d 'Redis, for the `redis` strategy [default: redis://127.0.0.1:6379]' -r
complete -c seatctl -n "__fish_seatctl_using_subcommand apikey; and __fish_seen_subcommand_from list" -l strategy -d 'Concurrency strategy for seat changes [default: occ]; `all` only for `simulate`' -r -f -a "occ\t'Optimistic concurrency: every write is guarded by the seat\'s version'
redis\t'Redis locks on every seat of an operation, with the version guard as the last word'
all\t'`simulate` only: run each strategy in turn and compare them'"
complete -c seatctl -n "__fish_seatctl_using_subcommand apikey; and __fish_seen_subcommand_from list" -l operator -d 'Who works at this terminal, recorded in the history as "by" [default: config terminal.operator, else the login name]' -r
complete -c seatctl -n "__fish_seatctl_using_subcommand apikey; and __fish_seen_subcommand_from list" -l json -d 'Print exactly one JSON document on stdout (errors as JSON on stderr)'
complete -c seatctl -n "__fish_seatctl_using_subcommand apikey; and __fish_seen_subcommand_from list" -l no-color -d 'Never use colour (also honoured: NO_COLOR, TERM=dumb)'
complete -c seatctl -n "__fish_seatctl_using_subcommand apikey; and __fish_seen_subcommand_from list" -s v -l verbose -d 'Log what seatctl does on stderr: -v tries, retries, lock waits and lost races; -vv also every SQL statement with its time (RUST_LOG, e.g. seatctl=debug,sqlx=debug, overrides)'
complete -c seatctl -n "__fish_seatctl_using_subcommand apikey; and __fish_seen_subcommand_from list" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c seatctl -n "__fish_seatctl_using_subcommand apikey; and __fish_seen_subcommand_from revoke" -l config -d 'Config file [default: ./seatctl.toml, else <config dir>/seatctl/config.toml]' -r -F
complete -c seatctl -n "__fish_seatctl_using_subcommand apikey; and __fish_seen_subcommand_from revoke" -l database-url -d 'Database: postgres://USER@HOST/DB or sqlite://PATH [default: embedded SQLite in the data dir]' -r
complete -c seatctl -n "__fish_seatctl_using_subcommand apikey; and __fish_seen_subcommand_from revoke" -l redis-url -d 'Redis, for the `redis` strategy [default: redis://127.0.0.1:6379]' -r
complete -c seatctl -n "__fish_seatctl_using_subcommand apikey; and __fish_seen_subcommand_from revoke" -l strategy -d 'Concurrency strategy for seat changes [default: occ]; `all` only for `simulate`' -r -f -a "occ\t'Optimistic concurrency: every write is guarded by the seat\'s version'
redis\t'Redis locks on every seat of an operation, with the version guard as the last word'
all\t'`simulate` only: run each strategy in turn and compare them'"
complete -c seatctl -n "__fish_seatctl_using_subcommand apikey; and __fish_seen_subcommand_from revoke" -l operator -d 'Who works at this terminal, recorded in the history as "by" [default: config terminal.operator, else the login name]' -r
complete -c seatctl -n "__fish_seatctl_using_subcommand apikey; and __fish_seen_subcommand_from revoke" -l json -d 'Print exactly one JSON document on stdout (errors as JSON on stderr)'
complete -c seatctl -n "__fish_seatctl_using_subcommand apikey; and __fish_seen_subcommand_from revoke" -l no-color -d 'Never use colour (also honoured: NO_COLOR, TERM=dumb)'
complete -c seatctl -n "__fish_seatctl_using_subcommand apikey; and __fish_seen_subcommand_from revoke" -s v -l verbose -d 'Log what seatctl does on stderr: -v tries, retries, lock waits and lost races; -vv also every SQL statement with its time (RUST_LOG, e.g. seatctl=debug,sqlx=debug, overrides)'
complete -c seatctl -n "__fish_seatctl_using_subcommand apikey; and __fish_seen_subcommand_from revoke" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c seatctl -n "__fish_seatctl_using_subcommand apikey; and __fish_seen_subcommand_from help" -f -a "create" -d 'Make a key for one caller (a kiosk, a web shop); it is printed this once'
complete -c seatctl -n "__fish_seatctl_using_subcommand apikey; and __fish_seen_subcommand_from help" -f -a "list" -d 'List the keys (never the keys themselves: their first characters)'
complete -c seatctl -n "__fish_seatctl_using_subcommand apikey; and __fish_seen_subcommand_from help" -f -a "revoke" -d 'Revoke a key by name: requests with it are refused from now on'
complete -c seatctl -n "__fish_seatctl_using_subcommand apikey; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c seatctl -n "__fish_seatctl_using_subcommand audit" -l config -d 'Config file [default: ./seatctl.toml, else <config dir>/seatctl/config.toml]' -r -F
complete -c seatctl -n "__fish_seatctl_using_subcommand audit" -l database-url -d 'Database: postgres://USER@HOST/DB or sqlite://PATH [default: embedded SQLite in the data dir]' -r
complete -c seatctl -n "__fish_seatctl_using_subcommand audit" -l redis-url -d 'Redis, for the `redis` strategy [default: redis://127.0.0.1:6379]' -r
complete -c seatctl -n "__fish_seatctl_using_subcommand audit" -l strategy -d 'Concurrency strategy for seat changes [default: occ]; `all` only for `simulate`' -r -f -a "occ\t'Optimistic concurrency: every write is guarded by the seat\'s version'
redis\t'Redis locks on every seat of an operation, with the version guard as the last word'
all\t'`simulate` only: run each strategy in turn and compare them'"
complete -c seatctl -n "__fish_seatctl_using_subcommand audit" -l operator -d 'Who works at this terminal, recorded in the history as "by" [default: config terminal.operator, else the login name]' -r
complete -c seatctl -n "__fish_seatctl_using_subcommand audit" -l json -d 'Print exactly one JSON document on stdout (errors as JSON on stderr)'
complete -c seatctl -n "__fish_seatctl_using_subcommand audit" -l no-color -d 'Never use colour (also honoured: NO_COLOR, TERM=dumb)'
complete -c seatctl -n "__fish_seatctl_using_subcommand audit" -s v -l verbose -d 'Log what seatctl does on stderr: -v tries, retries, lock waits and lost races; -vv also every SQL statement with its time (RUST_LOG, e.g. seatctl=debug,sqlx=debug, overrides)'
complete -c seatctl -n "__fish_seatctl_using_subcommand audit" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c seatctl -n "__fish_seatctl_using_subcommand completions" -l config -d 'Config file [default: ./seatctl.toml, else <config dir>/seatctl/config.toml]' -r -F
complete -c seatctl -n "__fish_seatctl_using_subcommand completions" -l database-url -d 'Database: postgres://USER@HOST/DB or sqlite://PATH [default: embedded SQLite in the data dir]' -r
complete -c seatctl -n "__fish_seatctl_using_subcommand completions" -l redis-url -d 'Redis, for the `redis` strategy [default: redis://127.0.0.1:6379]' -r
complete -c seatctl -n "__fish_seatctl_using_subcommand completions" -l strategy -d 'Concurrency strategy for seat changes [default: occ]; `all` only for `simulate`' -r -f -a "occ\t'Optimistic concurrency: every write is guarded by the seat\'s version'
redis\t'Redis locks on every seat of an operation, with the version guard as the last word'
all\t'`simulate` only: run each strategy in turn and compare them'"
complete -c seatctl -n "__fish_seatctl_using_subcommand completions" -l operator -d 'Who works at this terminal, recorded in the history as "by" [default: config terminal.operator, else the login name]' -r
complete -c seatctl -n "__fish_seatctl_using_subcommand completions" -l json -d 'Print exactly one JSON document on stdout (errors as JSON on stderr)'
complete -c seatctl -n "__fish_seatctl_using_subcommand completions" -l no-color -d 'Never use colour (also honoured: NO_COLOR, TERM=dumb)'
complete -c seatctl -n "__fish_seatctl_using_subcommand completions" -s v -l verbose -d 'Log what seatctl does on stderr: -v tries, retries, lock waits and lost races; -vv also every SQL statement with its time (RUST_LOG, e.g. seatctl=debug,sqlx=debug, overrides)'
complete -c seatctl -n "__fish_seatctl_using_subcommand completions" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c seatctl -n "__fish_seatctl_using_subcommand man" -l config -d 'Config file [default: ./seatctl.toml, else <config dir>/seatctl/config.toml]' -r -F
complete -c seatctl -n "__fish_seatctl_using_subcommand man" -l database-url -d 'Database: postgres://USER@HOST/DB or sqlite://PATH [default: embedded SQLite in the data dir]' -r
complete -c seatctl -n "__fish_seatctl_using_subcommand man" -l redis-url -d 'Redis, for the `redis` strategy [default: redis://127.0.0.1:6379]' -r
complete -c seatctl -n "__fish_seatctl_using_subcommand man" -l strategy -d 'Concurrency strategy for seat changes [default: occ]; `all` only for `simulate`' -r -f -a "occ\t'Optimistic concurrency: every write is guarded by the seat\'s version'
redis\t'Redis locks on every seat of an operation, with the version guard as the last word'
all\t'`simulate` only: run each strategy in turn and compare them'"
complete -c seatctl -n "__fish_seatctl_using_subcommand man" -l operator -d 'Who works at this terminal, recorded in the history as "by" [default: config terminal.operator, else the login name]' -r
complete -c seatctl -n "__fish_seatctl_using_subcommand man" -l json -d 'Print exactly one JSON document on stdout (errors as JSON on stderr)'
complete -c seatctl -n "__fish_seatctl_using_subcommand man" -l no-color -d 'Never use colour (also honoured: NO_COLOR, TERM=dumb)'
complete -c seatctl -n "__fish_seatctl_using_subcommand man" -s v -l verbose -d 'Log what seatctl does on stderr: -v tries, retries, lock waits and lost races; -vv also every SQL statement with its time (RUST_LOG, e.g. seatctl=debug,sqlx=debug, overrides)'
complete -c seatctl -n "__fish_seatctl_using_subcommand man" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c seatctl -n "__fish_seatctl_using_subcommand help; and not __fish_seen_subcommand_from event layout seats box-office map watch hold extend reserve release sweep block unblock history reservations holds price db demo doctor report export simulate serve apikey audit completions man help" -f -a "event" -d 'Create, list, show, update and delete events'
complete -c seatctl -n "__fish_seatctl_using_subcommand help; and not __fish_seen_subcommand_from event layout seats box-office map watch hold extend reserve release sweep block unblock history reservations holds price db demo doctor report export simulate serve apikey audit completions man help" -f -a "layout" -d 'Import seat layouts (CSV, TOML or JSON)'
complete -c seatctl -n "__fish_seatctl_using_subcommand help; and not __fish_seen_subcommand_from event layout seats box-office map watch hold extend reserve release sweep block unblock history reservations holds price db demo doctor report export simulate serve apikey audit completions man help" -f -a "seats" -d 'List an event\'s seats, optionally filtered by status or section'
complete -c seatctl -n "__fish_seatctl_using_subcommand help; and not __fish_seen_subcommand_from event layout seats box-office map watch hold extend reserve release sweep block unblock history reservations holds price db demo doctor report export simulate serve apikey audit completions man help" -f -a "box-office" -d 'Sell at a terminal: pick seats on the map, hold, reserve, refund (interactive)'
complete -c seatctl -n "__fish_seatctl_using_subcommand help; and not __fish_seen_subcommand_from event layout seats box-office map watch hold extend reserve release sweep block unblock history reservations holds price db demo doctor report export simulate serve apikey audit completions man help" -f -a "map" -d 'Draw an event\'s seat map'
complete -c seatctl -n "__fish_seatctl_using_subcommand help; and not __fish_seen_subcommand_from event layout seats box-office map watch hold extend reserve release sweep block unblock history reservations holds price db demo doctor report export simulate serve apikey audit completions man help" -f -a "watch" -d 'Watch an event\'s seats change live: a map redrawn on every change, or JSON lines'
complete -c seatctl -n "__fish_seatctl_using_subcommand help; and not __fish_seen_subcommand_from event layout seats box-office map watch hold extend reserve release sweep block unblock history reservations holds price db demo doctor report export simulate serve apikey audit completions man help" -f -a "hold" -d 'Hold seats for a limited time, all or nothing'
complete -c seatctl -n "__fish_seatctl_using_subcommand help; and not __fish_seen_subcommand_from event layout seats box-office map watch hold extend reserve release sweep block unblock history reservations holds price db demo doctor report export simulate serve apikey audit completions man help" -f -a "extend" -d 'Extend an active hold'
complete -c seatctl -n "__fish_seatctl_using_subcommand help; and not __fish_seen_subcommand_from event layout seats box-office map watch hold extend reserve release sweep block unblock history reservations holds price db demo doctor report export simulate serve apikey audit completions man help" -f -a "reserve" -d 'Turn every seat of an active hold into a reservation'
complete -c seatctl -n "__fish_seatctl_using_subcommand help; and not __fish_seen_subcommand_from event layout seats box-office map watch hold extend reserve release sweep block unblock history reservations holds price db demo doctor report export simulate serve apikey audit completions man help" -f -a "release" -d 'Release a hold or a reservation, returning its seats to sale'
complete -c seatctl -n "__fish_seatctl_using_subcommand help; and not __fish_seen_subcommand_from event layout seats box-office map watch hold extend reserve release sweep block unblock history reservations holds price db demo doctor report export simulate serve apikey audit completions man help" -f -a "sweep" -d 'Mark lapsed holds expired and tidy their seats (reads never depend on it)'
complete -c seatctl -n "__fish_seatctl_using_subcommand help; and not __fish_seen_subcommand_from event layout seats box-office map watch hold extend reserve release sweep block unblock history reservations holds price db demo doctor report export simulate serve apikey audit completions man help" -f -a "block" -d 'Take seats out of sale (house seats, broken seats, camera positions)'
complete -c seatctl -n "__fish_seatctl_using_subcommand help; and not __fish_seen_subcommand_from event layout seats box-office map watch hold extend reserve release sweep block unblock history reservations holds price db demo doctor report export simulate serve apikey audit completions man help" -f -a "unblock" -d 'Put blocked seats back on sale'
complete -c seatctl -n "__fish_seatctl_using_subcommand help; and not __fish_seen_subcommand_from event layout seats box-office map watch hold extend reserve release sweep block unblock history reservations holds price db demo doctor report export simulate serve apikey audit completions man help" -f -a "history" -d 'Show the audit trail of seat changes'
complete -c seatctl -n "__fish_seatctl_using_subcommand help; and not __fish_seen_subcommand_from event layout seats box-office map watch hold extend reserve release sweep block unblock history reservations holds price db demo doctor report export simulate serve apikey audit completions man help" -f -a "reservations" -d 'List an event\'s reservations, by customer, reference or status'
complete -c seatctl -n "__fish_seatctl_using_subcommand help; and not __fish_seen_subcommand_from event layout seats box-office map watch hold extend reserve release sweep block unblock history reservations holds price db demo doctor report export simulate serve apikey audit completions man help" -f -a "holds" -d 'List an event\'s holds, by holder or status'
complete -c seatctl -n "__fish_seatctl_using_subcommand help; and not __fish_seen_subcommand_from event layout seats box-office map watch hold extend reserve release sweep block unblock history reservations holds price db demo doctor report export simulate serve apikey audit completions man help" -f -a "price" -d 'Prices per seat category, in the configured currency: set, clear, list'
complete -c seatctl -n "__fish_seatctl_using_subcommand help; and not __fish_seen_subcommand_from event layout seats box-office map watch hold extend reserve release sweep block unblock history reservations holds price db demo doctor report export simulate serve apikey audit completions man help" -f -a "db" -d 'Database schema: migrate and status'
complete -c seatctl -n "__fish_seatctl_using_subcommand help; and not __fish_seen_subcommand_from event layout seats box-office map watch hold extend reserve release sweep block unblock history reservations holds price db demo doctor report export simulate serve apikey audit completions man help" -f -a "demo" -d 'Create a demo event from the example layout and show its map'
complete -c seatctl -n "__fish_seatctl_using_subcommand help; and not __fish_seen_subcommand_from event layout seats box-office map watch hold extend reserve release sweep block unblock history reservations holds price db demo doctor report export simulate serve apikey audit completions man help" -f -a "doctor" -d 'Check the config, database and Redis this terminal would use'
complete -c seatctl -n "__fish_seatctl_using_subcommand help; and not __fish_seen_subcommand_from event layout seats box-office map watch hold extend reserve release sweep block unblock history reservations holds price db demo doctor report export simulate serve apikey audit completions man help" -f -a "report" -d 'Sales by section, category and status; holds about to lapse; sales over time'
complete -c seatctl -n "__fish_seatctl_using_subcommand help; and not __fish_seen_subcommand_from event layout seats box-office map watch hold extend reserve release sweep block unblock history reservations holds price db demo doctor report export simulate serve apikey audit completions man help" -f -a "export" -d 'Every seat with its status, holder and reservation reference (CSV or JSON)'
complete -c seatctl -n "__fish_seatctl_using_subcommand help; and not __fish_seen_subcommand_from event layout seats box-office map watch hold extend reserve release sweep block unblock history reservations holds price db demo doctor report export simulate serve apikey audit completions man help" -f -a "simulate" -d 'Race simulated buyers for seats, report throughput and latency, audit the result'
complete -c seatctl -n "__fish_seatctl_using_subcommand help; and not __fish_seen_subcommand_from event layout seats box-office map watch hold extend reserve release sweep block unblock history reservations holds price db demo doctor report export simulate serve apikey audit completions man help" -f -a "serve" -d 'Serve the HTTP API (JSON under /v1, OpenAPI at /openapi.json, Swagger UI at /api)'
complete -c seatctl -n "__fish_seatctl_using_subcommand help; and not __fish_seen_subcommand_from event layout seats box-office map watch hold extend reserve release sweep block unblock history reservations holds price db demo doctor report export simulate serve apikey audit completions man help" -f -a "apikey" -d 'API keys for `seatctl serve`: create, list, revoke'
complete -c seatctl -n "__fish_seatctl_using_subcommand help; and not __fish_seen_subcommand_from event layout seats box-office map watch hold extend reserve release sweep block unblock history reservations holds price db demo doctor report export simulate serve apikey audit completions man help" -f -a "audit" -d 'Check an event for double bookings and records that disagree (exit 10 if any)'
complete -c seatctl -n "__fish_seatctl_using_subcommand help; and not __fish_seen_subcommand_from event layout seats box-office map watch hold extend reserve release sweep block unblock history reservations holds price db demo doctor report export simulate serve apikey audit completions man help" -f -a "completions" -d 'Print a shell completion script'
complete -c seatctl -n "__fish_seatctl_using_subcommand help; and not __fish_seen_subcommand_from event layout seats box-office map watch hold extend reserve release sweep block unblock history reservations holds price db demo doctor report export simulate serve apikey audit completions man help" -f -a "man" -d 'Print the manual page (roff): `seatctl man | man -l -`'
complete -c seatctl -n "__fish_seatctl_using_subcommand help; and not __fish_seen_subcommand_from event layout seats box-office map watch hold extend reserve release sweep block unblock history reservations holds price db demo doctor report export simulate serve apikey audit completions man help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c seatctl -n "__fish_seatctl_using_subcommand help; and __fish_seen_subcommand_from event" -f -a "create" -d 'Create an event with its seats (a general-admission count or a layout file)'
complete -c seatctl -n "__fish_seatctl_using_subcommand help; and __fish_seen_subcommand_from event" -f -a "list" -d 'List events with their seat counts'
complete -c seatctl -n "__fish_seatctl_using_subcommand help; and __fish_seen_subcommand_from event" -f -a "show" -d 'Show an event with its seat counts by status and by section'
complete -c seatctl -n "__fish_seatctl_using_subcommand help; and __fish_seen_subcommand_from event" -f -a "update" -d 'Rename an event, move its start or change its venue'
complete -c seatctl -n "__fish_seatctl_using_subcommand help; and __fish_seen_subcommand_from event" -f -a "delete" -d 'Delete an event with its seats, holds, reservations and history'
complete -c seatctl -n "__fish_seatctl_using_subcommand help; and __fish_seen_subcommand_from layout" -f -a "import" -d 'Import a layout file into an event, in one transaction (all or nothing)'
complete -c seatctl -n "__fish_seatctl_using_subcommand help; and __fish_seen_subcommand_from layout" -f -a "check" -d 'Validate a layout file without touching the database'
complete -c seatctl -n "__fish_seatctl_using_subcommand help; and __fish_seen_subcommand_from price" -f -a "set" -d 'Set the price of a category\'s seats (or the event\'s default) to AMOUNT (45, 45.50)'
complete -c seatctl -n "__fish_seatctl_using_subcommand help; and __fish_seen_subcommand_from price" -f -a "clear" -d 'Remove a category\'s price (or the default)'
complete -c seatctl -n "__fish_seatctl_using_subcommand help; and __fish_seen_subcommand_from price" -f -a "list" -d 'List the event\'s prices'
complete -c seatctl -n "__fish_seatctl_using_subcommand help; and __fish_seen_subcommand_from db" -f -a "migrate" -d 'Apply pending migrations (safe to run repeatedly and concurrently)'
complete -c seatctl -n "__fish_seatctl_using_subcommand help; and __fish_seen_subcommand_from db" -f -a "status" -d 'Show which migrations are applied'
complete -c seatctl -n "__fish_seatctl_using_subcommand help; and __fish_seen_subcommand_from db" -f -a "roles" -d 'Print (or with --apply, create) least-privilege PostgreSQL roles: PREFIXoperator, PREFIXbox_office, PREFIXreadonly (grant them to logins)'
complete -c seatctl -n "__fish_seatctl_using_subcommand help; and __fish_seen_subcommand_from simulate" -f -a "merge" -d 'Merge `simulate --json` results from several hosts (same --run-id) into one report'
complete -c seatctl -n "__fish_seatctl_using_subcommand help; and __fish_seen_subcommand_from simulate" -f -a "compare" -d 'Compare a run with a baseline, metric by metric; exit 11 when a --threshold budget is exceeded'
complete -c seatctl -n "__fish_seatctl_using_subcommand help; and __fish_seen_subcommand_from apikey" -f -a "create" -d 'Make a key for one caller (a kiosk, a web shop); it is printed this once'
complete -c seatctl -n "__fish_seatctl_using_subcommand help; and __fish_seen_subcommand_from apikey" -f -a "list" -d 'List the keys (never the keys themselves: their first characters)'
complete -c seatctl -n "__fish_seatctl_using_subcommand help; and __fish_seen_subcommand_from apikey" -f -a "revoke" -d 'Revoke a key by name: requests with it are refused from now on'
