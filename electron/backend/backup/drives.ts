import { promises as fs } from 'node:fs';
import path from 'node:path';

/** What the backup screens need to know about a disk. */
export interface DriveInfo {
  device: string;
  description: string;
  mountpoints: Array<{ path: string; label: string | null }>;
  removable: boolean;
  readOnly: boolean;
  sizeBytes: number | null;
}

/**
 * The disks of this computer, from drivelist (lsblk, diskutil or Windows' own
 * API). An empty list where it cannot tell (no permission, an odd system):
 * the screens then fall back to a typed folder, which always works.
 */
export async function listDrives(): Promise<DriveInfo[]> {
  try {
    const drivelist = await import('drivelist');
    const drives = await drivelist.list();
    return drives
      .filter((d) => !d.isVirtual)
      .map((d) => ({
        device: d.device,
        description: d.description,
        mountpoints: d.mountpoints.map((m) => ({ path: m.path, label: m.label })),
        // An SD card or USB stick: removable, or on the USB bus, and never the system disk.
        removable: (d.isRemovable || d.isUSB === true || d.isCard === true) && !d.isSystem,
        readOnly: d.isReadOnly,
        sizeBytes: d.size,
      }));
  } catch {
    return [];
  }
}

export interface BackupTargetDrive {
  path: string;
  label: string | null;
  description: string;
  sizeBytes: number | null;
}

/** Mounted removable drives a backup can go to, one entry per mount point. */
export function removableTargets(drives: DriveInfo[]): BackupTargetDrive[] {
  return drives
    .filter((d) => d.removable && !d.readOnly)
    .flatMap((d) => d.mountpoints.map((m) => ({ path: m.path, label: m.label, description: d.description, sizeBytes: d.sizeBytes })));
}

function comparable(file: string, platform: NodeJS.Platform): string {
  const resolved = path.resolve(file);
  return platform === 'win32' ? resolved.toLowerCase() : resolved;
}

function isInside(file: string, mount: string, platform: NodeJS.Platform): boolean {
  const separator = platform === 'win32' ? '\\' : '/';
  const root = mount.endsWith(separator) ? mount : `${mount}${separator}`;
  return file === mount || file.startsWith(root);
}

/** The disk a path is on: the drive with the longest mount point containing it. */
export function driveOf(file: string, drives: DriveInfo[], platform: NodeJS.Platform = process.platform): DriveInfo | null {
  const target = comparable(file, platform);
  let best: { drive: DriveInfo; length: number } | null = null;
  for (const drive of drives) {
    for (const mount of drive.mountpoints) {
      const root = comparable(mount.path, platform);
      if (isInside(target, root, platform) && (!best || root.length > best.length)) best = { drive, length: root.length };
    }
  }
  return best?.drive ?? null;
}

/** The nearest folder that exists, so a path not created yet still tells which disk it would be on. */
async function existingAncestor(file: string): Promise<string> {
  let current = path.resolve(file);
  for (;;) {
    try {
      await fs.stat(current);
      return current;
    } catch {
      const parent = path.dirname(current);
      if (parent === current) return current;
      current = parent;
    }
  }
}

/**
 * Whether a backup folder is on the same physical disk as the vault. Drive
 * partitions count as the same disk (a "D:" partition dies with "C:"), which a
 * file-system id alone would miss; where drivelist cannot place a path, the
 * file system id decides.
 */
export async function onSameDisk(a: string, b: string, drives: DriveInfo[], platform: NodeJS.Platform = process.platform): Promise<boolean> {
  const [first, second] = await Promise.all([existingAncestor(a), existingAncestor(b)]);
  const driveA = driveOf(first, drives, platform);
  const driveB = driveOf(second, drives, platform);
  if (driveA && driveB) return driveA.device === driveB.device;
  const [statA, statB] = await Promise.all([fs.stat(first), fs.stat(second)]);
  return statA.dev === statB.dev;
}
