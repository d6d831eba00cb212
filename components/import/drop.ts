/**
 * The files of a drag and drop, folders included: a dropped folder is walked (the entries API is
 * the only way a page sees inside one), and each file carries its path in the folder on
 * webkitRelativePath, as a folder chosen with <input webkitdirectory> does, so every problem names it.
 */
export async function filesFromDrop(data: DataTransfer): Promise<File[]> {
  // The items are only readable during the drop event: take the entries before the first await.
  const entries = [...data.items].map((item) => item.webkitGetAsEntry?.() ?? null);
  if (!entries.length || entries.some((e) => e === null)) return [...data.files];
  const out: File[] = [];
  for (const entry of entries) await walk(entry!, '', out);
  return out;
}

async function walk(entry: FileSystemEntry, dir: string, out: File[]): Promise<void> {
  if (entry.isFile) {
    const file = await new Promise<File>((resolve, reject) => (entry as FileSystemFileEntry).file(resolve, reject));
    if (dir) Object.defineProperty(file, 'webkitRelativePath', { value: `${dir}${file.name}` });
    out.push(file);
    return;
  }
  if (!entry.isDirectory) return;
  const reader = (entry as FileSystemDirectoryEntry).createReader();
  // readEntries hands a big folder over in batches until it returns none.
  for (;;) {
    const batch = await new Promise<FileSystemEntry[]>((resolve, reject) => reader.readEntries(resolve, reject));
    if (!batch.length) return;
    for (const child of batch) await walk(child, `${dir}${entry.name}/`, out);
  }
}
