// JSON Lines records of three sites, each with prose of its own and its site's boilerplate lines:
// the shape of a scraped corpus kept in shards.
const SITES = ['harbor.example', 'lantern.example', 'gull.example'];
const TOPICS = ['pier', 'ferry', 'school', 'market', 'lighthouse', 'library', 'bakery'];

/** Records of three sites: story prose of their own, and each site's own boilerplate lines. */
export function records(n: number): string[] {
  const out: string[] = [];
  for (let i = 0; i < n; i++) {
    const site = SITES[i % SITES.length];
    const name = site.split('.')[0];
    const topic = TOPICS[(i * 5) % TOPICS.length];
    const text = [
      `The ${topic} of ${name} reopened on day ${i} after a winter of repairs, and the council said the work had cost less than the ${topic} board feared.`,
      `Support ${name} journalism: become a member today`,
      `Residents queued from early morning, and ${i % 2 ? 'most' : 'some'} of them said they had waited ${i + 2} weeks for the news about the ${topic}.`,
      `More from the ${name} newsroom`,
      '',
    ].join('\n');
    out.push(JSON.stringify({ id: i, url: `https://${i % 2 ? 'www.' : ''}${site}/news/${i}`, domain: site, text }));
  }
  return out;
}

export const jsonl = (rs: string[]) => rs.join('\n') + '\n';
