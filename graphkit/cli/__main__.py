from graphkit.cli import app

app()
