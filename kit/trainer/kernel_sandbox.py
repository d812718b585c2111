"""The kernel of a grading job, started inside the sandbox: the only process that runs trainee code.

nbgrader's autograde itself runs in a trusted grading worker (:mod:`.grading_worker`); the kernel
it talks to is started through :class:`SandboxedKernelManager`, whose command line is the
kernel's wrapped in bubblewrap (:meth:`kit.trainer.sandbox.Sandbox.command`). The kernel sees
the system, Python, the kit and the datasets read-only, and one folder of its own, writable —
not the scratch course with the gradebook, not the autograded notebook nbgrader writes, not
another job. Without a network namespace TCP cannot reach the worker, so the worker and the
kernel talk through Unix sockets inside the kernel's folder (ZeroMQ's ``ipc`` transport), and
interrupts are sent as messages.

>>> km = SandboxedKernelManager(command_prefix=["bwrap", "--"])
>>> km.format_kernel_cmd()[:2]
['bwrap', '--']
"""

from __future__ import annotations

import sys
from typing import Any

from jupyter_client.kernelspec import KernelSpec
from jupyter_client.manager import AsyncKernelManager
from traitlets import List, Unicode


class SandboxedKernelManager(AsyncKernelManager):
    """A kernel manager whose kernel is this environment's Python, started behind a prefix."""

    command_prefix = List(Unicode(), help="Command line put before the kernel's (bwrap … --).")

    @property
    def kernel_spec(self) -> KernelSpec:
        """This environment's IPython kernel (never another kernelspec found on the machine)."""
        if getattr(self, "_kit_spec", None) is None:
            self._kit_spec = KernelSpec(
                argv=[sys.executable, "-m", "ipykernel_launcher", "-f", "{connection_file}"],
                display_name="Python 3 (ipykernel)",
                language="python",
                interrupt_mode="message" if self.command_prefix else "signal",
            )
        return self._kit_spec

    def format_kernel_cmd(self, extra_arguments: list[str] | None = None) -> list[str]:
        """The kernel's command line, behind the sandbox prefix.

        >>> SandboxedKernelManager().format_kernel_cmd()[1:3]
        ['-m', 'ipykernel_launcher']
        """
        return [*self.command_prefix, *super().format_kernel_cmd(extra_arguments)]


def configure_kernel(km: Any, *, kernel_dir: str, isolated: bool) -> None:
    """Connection file and sockets inside the kernel's folder; Unix sockets when isolated.

    >>> km = SandboxedKernelManager()
    >>> configure_kernel(km, kernel_dir="/s/1/kernel", isolated=True)
    >>> km.transport, km.ip, km.connection_file
    ('ipc', '/s/1/kernel/ipc/k', '/s/1/kernel/kernel.json')
    """
    km.connection_file = f"{kernel_dir}/kernel.json"
    if isolated:
        km.transport = "ipc"
        km.ip = f"{kernel_dir}/ipc/k"
