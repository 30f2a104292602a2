/**
 * Generated news pages for the import benchmark: deterministic (one seed, the same 100 pages on
 * every run), 50–300 KB of HTML each, shaped like what news sites serve: meta tags and JSON-LD in
 * the head, inline styles and scripts, a navigation bar, a cookie banner, the article (byline,
 * date, figures, sometimes a table or a pull quote), a newsletter box, related links, comments, a
 * footer, and a hydration-state script that carries most of the bytes, as on real sites.
 * No text is copied from a real site; the words are drawn from a small vocabulary.
 */

/** A small, fast, seedable PRNG (mulberry32): the same seed gives the same pages. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const WORDS = (
  'the a of to in and on for with that as by from at said officials minister government talks ' +
  'agreement council report week year city people police court vote election budget energy ' +
  'prices inflation market workers union strike health hospital school children families ' +
  'climate flooding river coast harbour bridge railway transport plan proposal committee ' +
  'spokesperson statement announced confirmed denied warned according expected would could ' +
  'should after before during while since because although however later earlier month ' +
  'morning evening regional national local international foreign trade tariff exports ' +
  'imports investment company shares investors bank rates lending housing rent tenants ' +
  'landlords mayor residents neighbourhood survey data figures percent million billion ' +
  'increase decrease rise fall record highest lowest since decade analysis experts ' +
  'researchers university study findings evidence claims critics supporters opposition ' +
  'parliament senate bill law ruling appeal judge lawyers trial witnesses investigation ' +
  'agency authorities emergency response crews weather storm drought harvest farmers'
).split(' ');
const FIRST_NAMES = [
  'Amara',
  'Lukas',
  'Sofia',
  'Tomasz',
  'Ines',
  'Kwame',
  'Mei',
  'Rafael',
  'Elin',
  'Omar',
  'Hannah',
  'Jonas',
  'Priya',
  'Mateo',
  'Yara',
  'Felix',
  'Aiko',
  'Nadia',
  'Ruben',
  'Leila',
];
const LAST_NAMES = [
  'Okafor',
  'Brandt',
  'Moreau',
  'Kowalski',
  'Silva',
  'Mensah',
  'Chen',
  'Ortega',
  'Lindqvist',
  'Haddad',
  'Fischer',
  'Novak',
  'Iyer',
  'Rossi',
  'Kaya',
  'Dubois',
  'Tanaka',
  'Petrov',
];
const SECTIONS = [
  'World',
  'Politics',
  'Business',
  'Economy',
  'Climate',
  'Science',
  'Health',
  'Technology',
  'Culture',
  'Sport',
  'Opinion',
  'Cities',
  'Education',
  'Travel',
  'Media',
  'Law',
];

/** One generated page and what the benchmark knows about it. */
export interface GeneratedPage {
  readonly fileName: string;
  readonly html: string;
  readonly title: string;
}

/** Helpers over one PRNG: pick, ranges, words, sentences. */
function textMaker(random: () => number) {
  const int = (min: number, max: number) => min + Math.floor(random() * (max - min + 1));
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!;
  const words = (count: number) => Array.from({ length: count }, () => pick(WORDS)).join(' ');
  const sentence = () => {
    const body = words(int(8, 24));
    return `${body[0]!.toUpperCase()}${body.slice(1)}.`;
  };
  const sentences = (count: number) => Array.from({ length: count }, sentence).join(' ');
  const name = () => `${pick(FIRST_NAMES)} ${pick(LAST_NAMES)}`;
  const slug = (text: string) =>
    text
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-|-$/g, '');
  return { int, pick, words, sentence, sentences, name, slug, random };
}
type TextMaker = ReturnType<typeof textMaker>;

const escapeHtml = (text: string) =>
  text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

function styles(t: TextMaker): string {
  const rules = Array.from({ length: t.int(60, 140) }, (_, i) => {
    const props = [
      `margin:${t.int(0, 24)}px ${t.int(0, 24)}px`,
      `padding:${t.int(0, 16)}px`,
      `color:#${t.int(0, 0xffffff).toString(16).padStart(6, '0')}`,
      `font-size:${t.int(12, 32)}px`,
      `line-height:${(1 + t.random()).toFixed(2)}`,
    ];
    return `.c-${i}-${t.slug(t.words(2))}{${props.join(';')}}`;
  });
  return `<style>${rules.join('\n')}\n@media (max-width:700px){.nav{display:none}}</style>`;
}

function head(t: TextMaker, page: PageFacts): string {
  const jsonLd = {
    '@context': 'https://schema.org',
    '@type': 'NewsArticle',
    headline: page.title,
    description: page.standfirst,
    datePublished: page.published,
    dateModified: page.published,
    author: page.authors.map((name) => ({ '@type': 'Person', name })),
    publisher: {
      '@type': 'Organization',
      name: 'The Daily Ledger',
      logo: { '@type': 'ImageObject', url: 'https://ledger.example/logo.png' },
    },
    mainEntityOfPage: page.url,
    image: [`https://img.ledger.example/${page.slug}/lead.jpg`],
    articleSection: page.section,
  };
  return `<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(page.title)} | ${page.section} | The Daily Ledger</title>
<meta name="description" content="${escapeHtml(page.standfirst)}">
<meta name="author" content="${escapeHtml(page.authors.join(', '))}">
<meta property="og:type" content="article">
<meta property="og:site_name" content="The Daily Ledger">
<meta property="og:title" content="${escapeHtml(page.title)}">
<meta property="og:description" content="${escapeHtml(page.standfirst)}">
<meta property="og:url" content="${page.url}">
<meta property="og:image" content="https://img.ledger.example/${page.slug}/lead.jpg">
<meta property="article:published_time" content="${page.published}">
<meta property="article:section" content="${page.section}">
<meta name="twitter:card" content="summary_large_image">
<link rel="canonical" href="${page.url}">
<link rel="preload" href="https://static.ledger.example/fonts/serif.woff2" as="font" crossorigin>
<link rel="stylesheet" href="https://static.ledger.example/css/main.${t.int(1e5, 1e6)}.css">
${styles(t)}
<script type="application/ld+json">${JSON.stringify(jsonLd)}</script>
<script>window.dataLayer=window.dataLayer||[];function gtag(){dataLayer.push(arguments)}gtag('js',new Date());gtag('config','G-${t.int(1e6, 1e7)}',{section:'${page.section}'});</script>
<script async src="https://ads.ledger.example/loader.js?v=${t.int(1, 99)}"></script>
</head>`;
}

function navigation(t: TextMaker): string {
  const menus = SECTIONS.map((section) => {
    const items = Array.from({ length: t.int(3, 6) }, () => {
      const label = t.words(2);
      return `<li><a href="/${t.slug(section)}/${t.slug(label)}">${label}</a></li>`;
    }).join('');
    return `<li class="nav__item"><a href="/${t.slug(section)}">${section}</a><ul class="nav__sub">${items}</ul></li>`;
  }).join('\n');
  return `<a class="skip" href="#main">Skip to content</a>
<header class="masthead"><div class="masthead__top"><a href="/" class="logo"><svg viewBox="0 0 200 40" width="200" height="40" aria-label="The Daily Ledger"><path d="M10 30 L20 10 L30 30 Z M40 10 h20 v20 h-20 Z"/></svg></a>
<form class="search" action="/search"><input type="search" name="q" placeholder="Search"><button>Search</button></form>
<a class="subscribe" href="/subscribe">Subscribe</a><a class="login" href="/login">Sign in</a></div>
<nav class="nav" aria-label="Sections"><ul>${menus}</ul></nav>
<div class="ticker"><strong>Breaking:</strong> <a href="/live">${t.sentence()}</a></div></header>
<div class="cookie-banner" role="dialog" aria-label="Cookies"><p>We use cookies and similar technologies to personalise content and ads, and to analyse our traffic. ${t.sentences(2)}</p><button class="accept">Accept all</button><button class="reject">Reject</button><a href="/privacy">Manage preferences</a></div>`;
}

interface PageFacts {
  readonly index: number;
  readonly title: string;
  readonly slug: string;
  readonly standfirst: string;
  readonly authors: string[];
  readonly published: string;
  readonly section: string;
  readonly url: string;
}

function figure(t: TextMaker, page: PageFacts, n: number): string {
  return `<figure class="media"><picture><source srcset="https://img.ledger.example/${page.slug}/${n}.webp 1x, https://img.ledger.example/${page.slug}/${n}@2x.webp 2x" type="image/webp"><img src="https://img.ledger.example/${page.slug}/${n}.jpg" alt="${escapeHtml(t.words(6))}" width="1200" height="800" loading="lazy"></picture><figcaption>${escapeHtml(t.sentence())} <span class="credit">Photograph: ${t.name()}/Agency</span></figcaption></figure>`;
}

function table(t: TextMaker): string {
  const rows = Array.from({ length: t.int(5, 12) }, () => {
    return `<tr><th scope="row">${t.words(2)}</th><td>${t.int(1, 999)}</td><td>${(t.random() * 100).toFixed(1)}%</td><td>${t.int(1990, 2024)}</td></tr>`;
  }).join('');
  return `<table class="data"><caption>${escapeHtml(t.sentence())}</caption><thead><tr><th>Region</th><th>Count</th><th>Share</th><th>Since</th></tr></thead><tbody>${rows}</tbody></table>`;
}

function paragraph(t: TextMaker): string {
  const parts = [t.sentences(t.int(2, 5))];
  if (t.random() < 0.4)
    parts.push(`<a href="/${t.slug(t.words(3))}">${t.words(3)}</a> ${t.sentence()}`);
  if (t.random() < 0.3) parts.push(`“${t.sentence()}” said ${t.name()}, ${t.words(3)}.`);
  if (t.random() < 0.2) parts.push(`<em>${t.words(4)}</em> <strong>${t.words(3)}</strong>.`);
  return `<p>${parts.join(' ')}</p>`;
}

function article(t: TextMaker, page: PageFacts): string {
  const blocks: string[] = [];
  const paragraphs = t.int(12, 40);
  for (let i = 0; i < paragraphs; i++) {
    blocks.push(paragraph(t));
    if (i === 3)
      blocks.push(
        `<aside class="inline-related"><h3>Read more</h3><ul><li><a href="/${t.slug(t.words(4))}">${t.sentence()}</a></li><li><a href="/${t.slug(t.words(4))}">${t.sentence()}</a></li></ul></aside>`,
      );
    if (i === 5 && t.random() < 0.5)
      blocks.push(`<blockquote class="pullquote"><p>${t.sentence()}</p></blockquote>`);
    if (i % 9 === 8) blocks.push(`<h2>${escapeHtml(t.words(5))}</h2>`);
    if (i === 10) blocks.push(figure(t, page, 2));
    if (i === 7 && t.random() < 0.35) blocks.push(table(t));
    if (i === 6)
      blocks.push(
        `<div class="ad-slot" data-slot="mid-${t.int(1, 9)}"><script>window.ads&&ads.push({slot:'mid'})</script></div>`,
      );
  }
  const date = new Date(page.published);
  return `<main id="main"><article class="story">
<header class="story__header"><a class="kicker" href="/${t.slug(page.section)}">${page.section}</a>
<h1>${escapeHtml(page.title)}</h1>
<p class="standfirst">${escapeHtml(page.standfirst)}</p>
<p class="byline">By ${page.authors.map((a) => `<a rel="author" href="/profile/${t.slug(a)}">${a}</a>`).join(' and ')}</p>
<time datetime="${page.published}">${date.toUTCString()}</time>
<div class="share"><a href="https://social.example/share?u=${encodeURIComponent(page.url)}">Share</a><button>Copy link</button><button>Save</button></div>
</header>
${figure(t, page, 1)}
<div class="story__body">
${blocks.join('\n')}
</div>
<ul class="tags">${Array.from({ length: t.int(3, 7) }, () => `<li><a href="/tag/${t.slug(t.words(1))}">${t.words(1)}</a></li>`).join('')}</ul>
</article>`;
}

function newsletter(t: TextMaker): string {
  return `<section class="newsletter"><h2>Sign up to The Morning Ledger</h2><p>${t.sentences(2)}</p><form action="/newsletter"><input type="email" placeholder="Your email address"><button>Sign up</button></form><p class="small">Privacy notice: ${t.sentence()}</p></section>
<div class="paywall-teaser"><p>You have read ${t.int(2, 9)} articles this month. ${t.sentence()}</p><a href="/subscribe">Support us</a></div>`;
}

function related(t: TextMaker, page: PageFacts): string {
  const items = Array.from({ length: t.int(8, 12) }, (_, i) => {
    const title = t.sentence();
    return `<li class="card"><a href="/${t.slug(page.section)}/${t.slug(title).slice(0, 60)}"><img src="https://img.ledger.example/related/${page.index}-${i}.jpg" alt=""><h3>${escapeHtml(title)}</h3></a><p>${t.sentence()}</p></li>`;
  }).join('\n');
  return `<section class="related"><h2>More from ${page.section}</h2><ul>${items}</ul></section>`;
}

function comment(t: TextMaker, n: number): string {
  return `<li class="comment" id="c${n}"><div class="comment__meta"><span class="comment__author">${t.name()}</span> <time>${t.int(1, 23)} hours ago</time></div><div class="comment__body"><p>${t.sentences(t.int(1, 4))}</p></div><div class="comment__actions"><button>Reply</button><button>Recommend (${t.int(0, 300)})</button><button>Report</button></div></li>`;
}

function footer(t: TextMaker): string {
  const columns = Array.from({ length: 4 }, () => {
    const links = Array.from({ length: t.int(6, 10) }, () => {
      const label = t.words(2);
      return `<li><a href="/${t.slug(label)}">${label}</a></li>`;
    }).join('');
    return `<ul class="footer__col">${links}</ul>`;
  }).join('');
  return `<footer class="site-footer">${columns}<p>© 2024 The Daily Ledger. ${t.sentence()}</p></footer>`;
}

/** Bulk as real pages carry it: the page's state, serialised for the client-side app. */
function hydrationState(t: TextMaker, page: PageFacts, bytes: number): string {
  const items: object[] = [];
  let size = 0;
  for (let i = 0; size < bytes; i++) {
    const item = {
      id: `${page.index}-${i}`,
      type: t.pick(['teaser', 'ad', 'widget', 'link']),
      title: t.sentence(),
      summary: t.sentences(2),
      tags: [t.words(1), t.words(1)],
      score: t.random(),
    };
    size += JSON.stringify(item).length + 1;
    items.push(item);
  }
  const state = { props: { pageProps: { articleId: page.index, section: page.section, items } } };
  return `<script id="__NEXT_DATA__" type="application/json">${JSON.stringify(state)}</script>`;
}

/** The article page numbered `index` (0-based), about `targetBytes` long. */
export function generatePage(index: number, targetBytes: number, seed: number): GeneratedPage {
  const t = textMaker(seededRandom(seed + index * 7919));
  const title = `${index + 1}: ${t.sentence().slice(0, -1)}`;
  const slug = t.slug(title).slice(0, 70);
  const section = t.pick(SECTIONS);
  const published = new Date(
    Date.UTC(2024, t.int(0, 11), t.int(1, 28), t.int(5, 22), t.int(0, 59)),
  ).toISOString();
  const page: PageFacts = {
    index,
    title,
    slug,
    standfirst: t.sentence(),
    authors: t.random() < 0.3 ? [t.name(), t.name()] : [t.name()],
    published,
    section,
    url: `https://ledger.example/${t.slug(section)}/2024/${slug}`,
  };
  const before = `<!DOCTYPE html>\n<html lang="en">\n${head(t, page)}\n<body class="article">\n${navigation(t)}\n${article(t, page)}\n${newsletter(t)}\n${related(t, page)}\n`;
  const after = `${footer(t)}\n<script>document.querySelector('.cookie-banner .accept')?.addEventListener('click',function(){document.cookie='consent=1';});</script>\n</body>\n</html>\n`;
  // The rest of the budget: a third in comments (markup the extractor must walk and drop), the
  // remainder in the hydration state (bytes the parser must skip).
  const budget = Math.max(0, targetBytes - before.length - after.length);
  const comments: string[] = [];
  let commentBytes = 0;
  while (commentBytes < budget / 3) {
    const c = comment(t, comments.length);
    comments.push(c);
    commentBytes += c.length;
  }
  const commentSection = `<section class="comments"><h2>Comments (${comments.length})</h2><ol>${comments.join('\n')}</ol></section></main>\n`;
  const state = hydrationState(t, page, Math.max(0, budget - commentSection.length - 80));
  return {
    fileName: `page-${String(index + 1).padStart(3, '0')}.html`,
    html: `${before}${commentSection}${state}\n${after}`,
    title,
  };
}

/** `count` pages of 50–300 KB each (sizes spread evenly by the seed). */
export function generatePages(count: number, seed = 20240211): GeneratedPage[] {
  const sizes = seededRandom(seed);
  return Array.from({ length: count }, (_, i) =>
    generatePage(i, Math.round((50 + sizes() * 250) * 1024), seed),
  );
}
