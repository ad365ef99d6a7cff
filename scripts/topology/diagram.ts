import { escapeXml } from '../escape.ts';
import { internalAdapters } from './check.ts';
import { networkOf, parseInterface } from './ipv4.ts';
import { DIAGRAM_FONT, measureWithCanvas, type MeasureText } from './text.ts';
import type { Adapter, NetworkPlan, Vm } from './types.ts';

const FONT_SIZE = 14;
const LINE_HEIGHT = 20;
const PADDING = 12;
const COLUMN_GAP = 32;
const ROW_GAP = 36;
const MARGIN = 16;

/** Fallback fills when the SVG is shown without the site's stylesheet. */
const FILLS: Record<string, string> = { host: '#eef2f7', nat: '#fff4e5', vm: '#ffffff', intnet: '#e7f5ec' };
const STROKE = '#5b6b7b';

/** A box of text lines. The first line is its bold title. */
interface Box {
  lines: string[];
  width: number;
  height: number;
}

interface Column {
  vm: Vm;
  nat?: Box;
  machine: Box;
  width: number;
  onInternalNetwork: boolean;
}

/**
 * Draws the plan as an SVG diagram: the host on top, each VM's NAT engine with its port forwards,
 * each VM with its adapters, interface names and addresses, and the internal network joining them.
 * Expects a plan that passed checkPlan.
 */
export function drawTopology(plan: NetworkPlan, measure: MeasureText = measureWithCanvas): string {
  const box = (lines: string[]) => measureBox(lines, measure);
  const columns = plan.vms.map((vm) => layOutColumn(vm, box));
  const host = box([
    'Host',
    `${plan.environment.host}, VirtualBox ${plan.environment.virtualbox}`,
    'NAT engines reach the internet through it',
  ]);
  const internal = internalLabel(plan);
  const internalWidth = measure(internal, FONT_SIZE, true) + 2 * PADDING;

  const columnsWidth = columns.reduce((sum, column) => sum + column.width, 0) + COLUMN_GAP * (columns.length - 1);
  const innerWidth = Math.max(columnsWidth, host.width, internalWidth);
  const natHeight = Math.max(0, ...columns.map((column) => column.nat?.height ?? 0));
  const machineHeight = Math.max(...columns.map((column) => column.machine.height));

  const hostY = MARGIN;
  const natY = hostY + host.height + ROW_GAP;
  const machineY = natHeight > 0 ? natY + natHeight + ROW_GAP : natY;
  const internalY = machineY + machineHeight + ROW_GAP;
  const barHeight = LINE_HEIGHT + 2 * PADDING;
  const width = innerWidth + 2 * MARGIN;
  const height = internalY + barHeight + MARGIN;

  const parts: string[] = [];
  parts.push(drawBox({ ...host, width: innerWidth }, MARGIN, hostY, 'host'));

  let x = MARGIN + (innerWidth - columnsWidth) / 2;
  for (const column of columns) {
    const center = x + column.width / 2;
    if (column.nat) {
      parts.push(line(center, hostY + host.height, center, natY));
      parts.push(drawBox({ ...column.nat, width: column.width }, x, natY, 'nat'));
      parts.push(line(center, natY + column.nat.height, center, machineY));
    }
    parts.push(drawBox({ ...column.machine, width: column.width }, x, machineY, 'vm'));
    if (column.onInternalNetwork) parts.push(line(center, machineY + column.machine.height, center, internalY));
    x += column.width + COLUMN_GAP;
  }

  parts.push(`<g class="intnet">${rect(MARGIN, internalY, innerWidth, barHeight, 'intnet')}</g>`);
  parts.push(text(internal, width / 2, internalY + PADDING + FONT_SIZE, { bold: true, anchor: 'middle' }));

  return svgDocument(width, height, describe(plan), parts);
}

function layOutColumn(vm: Vm, box: (lines: string[]) => Box): Column {
  const natAdapters = vm.adapters.filter((adapter) => adapter.attachment === 'nat');
  const natLines = natAdapters.flatMap((adapter) =>
    adapter.forwards.map(
      (forward) => `host port ${forward.host_port} → guest port ${forward.guest_port} (${forward.protocol}, ${forward.name})`,
    ),
  );
  const nat = natAdapters.length > 0 ? box(['NAT engine', ...(natLines.length > 0 ? natLines : ['no port forwards'])]) : undefined;
  const machine = box([vm.name, ...vm.adapters.map(adapterLine)]);
  const width = Math.max(nat?.width ?? 0, machine.width);
  const onInternalNetwork = vm.adapters.some((adapter) => adapter.attachment === 'intnet');
  return { vm, nat, machine, width, onInternalNetwork };
}

function adapterLine(adapter: Adapter): string {
  const names = `${adapter.interface.then} / ${adapter.interface.now}`;
  if (adapter.attachment === 'nat') return `adapter ${adapter.slot}: NAT · ${names} · address by DHCP`;
  return `adapter ${adapter.slot}: internal · ${names} · ${adapter.address}`;
}

function internalLabel(plan: NetworkPlan): string {
  const [first] = internalAdapters(plan);
  if (!first) return 'no internal network';
  const parsed = parseInterface(first.adapter.address);
  const subnet = parsed ? ` · ${networkOf(parsed)}` : '';
  return `internal network "${first.adapter.network}"${subnet}`;
}

function describe(plan: NetworkPlan): string {
  const vms = plan.vms.map((vm) => `${vm.name}: ${vm.adapters.map(adapterLine).join('; ')}`);
  return `${internalLabel(plan)}. ${vms.join('. ')}.`;
}

function measureBox(lines: string[], measure: MeasureText): Box {
  const widths = lines.map((line, index) => measure(line, FONT_SIZE, index === 0));
  return { lines, width: Math.ceil(Math.max(...widths)) + 2 * PADDING, height: lines.length * LINE_HEIGHT + 2 * PADDING };
}

function drawBox(box: Box, x: number, y: number, kind: string): string {
  const rows = box.lines.map((content, index) =>
    text(content, x + PADDING, y + PADDING + FONT_SIZE + index * LINE_HEIGHT, { bold: index === 0 }),
  );
  return [`<g class="${kind}">`, rect(x, y, box.width, box.height, kind), ...rows, '</g>'].join('');
}

function rect(x: number, y: number, width: number, height: number, kind: string): string {
  const size = `x="${round(x)}" y="${round(y)}" width="${round(width)}" height="${round(height)}"`;
  return `<rect ${size} rx="6" fill="${FILLS[kind]}" stroke="${STROKE}"/>`;
}

function text(content: string, x: number, y: number, options: { bold?: boolean; anchor?: 'middle' } = {}): string {
  const weight = options.bold ? ' font-weight="bold"' : '';
  const anchor = options.anchor ? ` text-anchor="${options.anchor}"` : '';
  return `<text x="${round(x)}" y="${round(y)}"${weight}${anchor}>${escapeXml(content)}</text>`;
}

function line(x1: number, y1: number, x2: number, y2: number): string {
  return `<line class="link" stroke="${STROKE}" x1="${round(x1)}" y1="${round(y1)}" x2="${round(x2)}" y2="${round(y2)}"/>`;
}

function svgDocument(width: number, height: number, description: string, parts: string[]): string {
  // Colours come from the page's stylesheet (.topology rules), so dark mode and print can change them.
  // The attributes on <svg> and <rect> are the fallback when the SVG is shown on its own.
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" class="topology" role="img" aria-labelledby="topology-title topology-desc"`,
    ` viewBox="0 0 ${round(width)} ${round(height)}" width="${round(width)}" height="${round(height)}"`,
    ` font-family="${DIAGRAM_FONT}, sans-serif" font-size="${FONT_SIZE}" fill="#1b1b1b" stroke-width="1.5">`,
    `<title id="topology-title">Network topology of the VirtualBox VMs</title>`,
    `<desc id="topology-desc">${escapeXml(description)}</desc>`,
    ...parts,
    '</svg>',
  ].join('');
}

function round(value: number): number {
  return Math.round(value * 10) / 10;
}
