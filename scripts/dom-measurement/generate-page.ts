/** For the DOM measurement only: a generated news page of about `targetKb` KB, boilerplate around an article. */
export function generatePage(seed: number, targetKb = 300): string {
  let x = seed * 9301 + 49297;
  const rnd = () => (x = (x * 9301 + 49297) % 233280) / 233280;
  const words =
    'the minister said talks would continue despite warnings from officials that the risk of conflict remained high and negotiators in geneva agreed to meet again next week while analysts questioned whether sanctions'.split(
      ' ',
    );
  const sentence = (n: number) => {
    const w = Array.from({ length: n }, () => words[Math.floor(rnd() * words.length)]);
    w[0] = w[0]![0]!.toUpperCase() + w[0]!.slice(1);
    return w.join(' ') + '.';
  };
  const para = () =>
    Array.from({ length: 4 + Math.floor(rnd() * 4) }, () =>
      sentence(8 + Math.floor(rnd() * 12)),
    ).join(' ');
  const nav = Array.from(
    { length: 80 },
    (_, i) => `<li class="nav-item"><a href="/section/${i}" class="nav-link">Section ${i}</a></li>`,
  ).join('');
  const related = Array.from(
    { length: 30 },
    (_, i) =>
      `<li><a href="/story/${i}"><img src="/thumb/${i}.jpg" alt="">Related story ${i}: ${sentence(6)}</a></li>`,
  ).join('');
  const comments = Array.from(
    { length: 25 },
    (_, i) =>
      `<div class="comment"><span class="author">user${i}</span><p>${sentence(15)}</p><button>Reply</button></div>`,
  ).join('');
  const article: string[] = [];
  for (let i = 0; i < 28; i++) {
    article.push(`<p>${para()} <a href="/ref/${i}">source</a> <em>${sentence(3)}</em></p>`);
    if (i === 5)
      article.push(
        `<figure><img src="photo.jpg" alt="A photo"><figcaption>${sentence(10)}</figcaption></figure>`,
      );
    if (i === 10) article.push(`<h2>${sentence(5)}</h2>`);
    if (i === 14) article.push(`<blockquote><p>${sentence(20)}</p></blockquote>`);
    if (i === 18)
      article.push(
        `<table><thead><tr><th>Country</th><th>Value</th></tr></thead><tbody>${Array.from({ length: 8 }, (_, r) => `<tr><td>Row ${r}</td><td>${(rnd() * 100).toFixed(1)}</td></tr>`).join('')}</tbody></table>`,
      );
    if (i === 20)
      article.push(
        `<aside class="newsletter"><p>Sign up for our newsletter</p><form><input type="email"><button>Subscribe</button></form></aside>`,
      );
  }
  const head = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${sentence(8)} | Daily Example</title><meta property="og:site_name" content="Daily Example"><meta name="author" content="Jane Doe"><meta property="article:published_time" content="2022-02-11T10:00:00Z"><style>${'.c{color:red;background:url(x.png)}'.repeat(200)}</style><script type="application/ld+json">{"@context":"https://schema.org","@type":"NewsArticle","headline":"x","datePublished":"2022-02-11","author":{"@type":"Person","name":"Jane Doe"}}</script></head>`;
  const body = `<body><div class="cookie-banner"><p>We use cookies.</p><button>Accept</button></div><header><nav><ul>${nav}</ul></nav></header><main><article><h1>${sentence(8)}</h1><p class="byline">By Jane Doe</p><time datetime="2022-02-11">Feb 11</time>${article.join('\n')}</article><section class="related"><h3>Related</h3><ul>${related}</ul></section><section class="comments">${comments}</section></main><footer>${nav}</footer>`;
  const page = head + body;
  // Pad with the inline script state blobs real pages carry, to the target size.
  const blob = JSON.stringify({
    items: Array.from({ length: 50 }, (_, i) => ({ id: i, title: sentence(8), url: `/x/${i}` })),
  });
  let scripts = '';
  while (page.length + scripts.length < targetKb * 1024)
    scripts += `<script>window.__STATE__=${blob};</script>\n`;
  return page + scripts + '</body></html>';
}
