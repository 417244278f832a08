from metasymptoms.cli import run

run()
