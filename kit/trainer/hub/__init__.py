"""The workshop server: JupyterHub with a real Unix account per trainee and nbgrader's exchange.

One server for up to about 40 trainees (see ``trainer_guide/hub.md``). Run as root::

    python3 -m kit.trainer.hub roster --trainees 40 > roster.csv   # a roster to edit
    python3 -m kit.trainer.hub setup --roster roster.csv           # environment, accounts, configs
    python3 -m kit.trainer.hub start                               # the hub (or systemd-unit)
    python3 -m kit.trainer.hub status                              # who is on, memory in use
    python3 -m kit.trainer.hub teardown                            # backup, then remove everything

Modules: ``roster`` (the CSV), ``accounts`` (Unix users, passwords), ``install`` (the shared
environment), ``provision`` (folders and configs), ``hubconfig`` (JupyterHub settings),
``exchange`` (private submissions), ``server`` (run / stop / systemd), ``client`` (the hub's
HTTP API as a user), ``kernels`` (run code in a user's kernel), ``status``, ``teardown``,
``setup``, ``layout`` (where things are).
The setup path uses the standard library only, so it runs on a bare Debian ``python3``.
"""
