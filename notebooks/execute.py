#!/usr/bin/python3
"""Runs notebooks headless with this checkout's Deno kernel and writes them with their outputs.

    notebooks/execute.py notebooks/*.ipynb            # in place (what is committed)
    notebooks/execute.py --out DIR notebooks/x.ipynb  # into DIR (what the notebook test does)

Why not `jupyter nbconvert --execute`: Deno's kernel sometimes publishes a cell's result just after the status
message that says the cell is done, and nbconvert (nbclient) then drops it (seen on 3 of 75 chart cells). Here every
output is filed under the cell whose request it answers, whenever it arrives.

Uses Debian's python3-jupyter-client and python3-nbformat; the kernel is node_modules/.bin/deno (the `deno` npm
package), registered in a temporary kernelspec folder, so it does not matter which Deno `deno jupyter --install` last
registered. A cell's error stops its notebook (the rest keep no outputs); the exit code is 1 if any notebook failed.
"""
import argparse
import json
import os
import queue
import shutil
import sys
import tempfile
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
DENO = os.path.join(ROOT, 'node_modules', '.bin', 'deno')
QUIET_SECONDS = 1.0  # after the last cell: how long no message must come before the kernel is stopped


def kernelspec_folder():
    """A folder for JUPYTER_PATH holding a kernelspec `deno` that runs this checkout's Deno."""
    folder = tempfile.mkdtemp(prefix='mimo-kernels-')
    spec = os.path.join(folder, 'kernels', 'deno')
    os.makedirs(spec)
    with open(os.path.join(spec, 'kernel.json'), 'w') as f:
        argv = [DENO, 'jupyter', '--kernel', '--conn', '{connection_file}']
        json.dump({'argv': argv, 'display_name': 'Deno', 'language': 'typescript'}, f)
    return folder


def output_of(msg, nbformat):
    """The notebook output a kernel message carries, or None."""
    kind = msg['msg_type']
    if kind in ('stream', 'display_data', 'execute_result', 'error'):
        return nbformat.v4.output_from_msg(msg)
    return None


def merge_streams(outputs):
    """Consecutive stream outputs of the same name as one output, as Jupyter shows them."""
    merged = []
    for out in outputs:
        last = merged[-1] if merged else None
        if out.output_type == 'stream' and last and last.output_type == 'stream' and last.name == out.name:
            last.text += out.text
        else:
            merged.append(out)
    return merged


def execute(path, out_path, timeout):
    import nbformat
    from jupyter_client.manager import start_new_kernel

    nb = nbformat.read(path, as_version=4)
    # NO_COLOR: Deno's plain-text results without terminal colours.
    env = {**os.environ, 'NO_COLOR': '1'}
    km, kc = start_new_kernel(kernel_name='deno', cwd=os.path.dirname(os.path.abspath(path)), env=env)
    outputs = {}  # request id -> outputs, in arrival order
    cells = {}  # request id -> cell
    failed = None
    started = time.time()

    def read_iopub(seconds):
        try:
            msg = kc.get_iopub_msg(timeout=seconds)
        except queue.Empty:
            return False
        parent = msg['parent_header'].get('msg_id')
        out = output_of(msg, nbformat)
        if parent in outputs and out is not None:
            outputs[parent].append(out)
        return True

    try:
        for index, cell in enumerate(nb.cells):
            if cell.cell_type != 'code':
                continue
            cell.outputs = []
            cell.execution_count = None
            request = kc.execute(cell.source, store_history=True)
            outputs[request] = []
            cells[request] = cell
            while True:
                while read_iopub(0):
                    pass
                left = timeout - (time.time() - started)
                if left <= 0:
                    raise TimeoutError(f'{path}: not done after {timeout} s (cell {index})')
                try:
                    reply = kc.get_shell_msg(timeout=min(0.05, left))
                except queue.Empty:
                    continue
                if reply['parent_header'].get('msg_id') == request:
                    break
            cell.execution_count = reply['content'].get('execution_count')
            if reply['content']['status'] != 'ok':
                failed = (index, reply['content'])
                break
        while read_iopub(QUIET_SECONDS):
            pass
        # Deno reports a failure to display a cell's result as an error output of a cell that succeeded.
        for request, cell in cells.items():
            errors = [out for out in outputs[request] if out.output_type == 'error']
            if errors and not failed:
                failed = (nb.cells.index(cell), errors[0])
    finally:
        kc.stop_channels()
        km.shutdown_kernel(now=True)
    for request, cell in cells.items():
        cell.outputs = merge_streams(outputs[request])
    nbformat.write(nb, out_path)
    if failed:
        index, content = failed
        trace = '\n'.join(content.get('traceback', []))
        sys.stderr.write(f'{path}: cell {index} failed: {content.get("ename")}: {content.get("evalue")}\n{trace}\n')
        return False
    sys.stderr.write(f'{path}: ok in {time.time() - started:.1f} s\n')
    return True


def main():
    parser = argparse.ArgumentParser(description='Run notebooks with the Deno kernel and save their outputs.')
    parser.add_argument('notebooks', nargs='+')
    parser.add_argument('--out', help='folder for the executed notebooks (default: in place)')
    parser.add_argument('--timeout', type=float, default=600, help='seconds per notebook (default 600)')
    args = parser.parse_args()
    if not os.access(DENO, os.X_OK):
        sys.exit(f'{DENO}: no Deno (run npm ci: the deno npm package ships it)')
    kernels = kernelspec_folder()
    os.environ['JUPYTER_PATH'] = os.pathsep.join(filter(None, [kernels, os.environ.get('JUPYTER_PATH')]))
    ok = True
    try:
        for path in args.notebooks:
            out = os.path.join(args.out, os.path.basename(path)) if args.out else path
            ok = execute(path, out, args.timeout) and ok
    finally:
        shutil.rmtree(kernels, ignore_errors=True)
    sys.exit(0 if ok else 1)


if __name__ == '__main__':
    main()
