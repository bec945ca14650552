from graphkit.cli.main import app

app()
