// Floor (b) of the benchmark: inflating every XML part of the workbook (zlib through yauzl) and
// throwing the bytes away: no XML parsing at all. Prints the bytes inflated.
import yauzl from 'yauzl';

const file = process.argv[2];
if (!file) throw new Error('usage: floor-inflate.js <workbook.xlsx>');
const zip = await new Promise<yauzl.ZipFile>((resolve, reject) => yauzl.open(file, { lazyEntries: true, autoClose: false }, (e, z) => (e ? reject(e) : resolve(z))));
let bytes = 0;
await new Promise<void>((resolve, reject) => {
  zip.on('entry', (entry: yauzl.Entry) => {
    if (!/\.(xml|rels)$/.test(entry.fileName)) {
      zip.readEntry();
      return;
    }
    zip.openReadStream(entry, (err, stream) => {
      if (err) return reject(err);
      stream.on('data', (chunk: Buffer) => (bytes += chunk.length));
      stream.on('end', () => zip.readEntry());
      stream.on('error', reject);
    });
  });
  zip.on('end', resolve);
  zip.on('error', reject);
  zip.readEntry();
});
zip.close();
process.stdout.write(`${JSON.stringify({ inflatedBytes: bytes })}\n`);
