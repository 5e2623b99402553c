"""One module per subcommand: `add_parser(subparsers)` registers it, `run(args) -> int` runs it.
Modules import only argparse-level things at import time, so `summariser --help` stays fast."""
