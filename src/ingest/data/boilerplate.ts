/**
 * What page furniture looks like inside an article, as data for `html-extract.ts`. Class and id values are
 * split into lower-case tokens (`ad-slot` → `ad slot`, `shareBar` → `share bar`) and matched as whole tokens
 * or adjacent pairs, so `shadow` or `download` never match `ad`. Paragraph texts are matched whole, after
 * lower-casing and trimming punctuation.
 */

/** A class or id token that marks an element as furniture (ads, share bars, related links, promos). */
export const FURNITURE_CLASS_TOKENS: readonly string[] = Object.freeze([
  'ad',
  'ads',
  'adv',
  'advert',
  'adverts',
  'advertisement',
  'advertising',
  'adslot',
  'adunit',
  'dfp',
  'gpt',
  'sponsor',
  'sponsored',
  'promo',
  'promoted',
  'newsletter',
  'subscribe',
  'subscription',
  'paywall',
  'share',
  'sharing',
  'sharebar',
  'social',
  'related',
  'recirc',
  'recirculation',
  'outbrain',
  'taboola',
  'readmore',
  'comments',
  'comment',
  'kicker',
  'eyebrow',
  'breadcrumb',
  'breadcrumbs',
  'tags',
  'taglist',
  'toolbar',
  'print',
  'popup',
  'modal',
  'cookie',
  'consent',
]);

/** Adjacent token pairs that mark furniture (`read-more`, `more-on`, `also-read`, `most-read`). */
export const FURNITURE_CLASS_PAIRS: readonly string[] = Object.freeze([
  'read more',
  'more on',
  'also read',
  'most read',
  'more stories',
  'see also',
  'you may',
  'recommended for',
]);

/** Class or id tokens that mark a byline element (its text becomes the byline, then it is removed). */
export const BYLINE_CLASS_TOKENS: readonly string[] = Object.freeze([
  'byline',
  'byl',
  'author',
  'authors',
  'writer',
]);

/** Elements that are never article text. */
export const FURNITURE_TAGS: readonly string[] = Object.freeze([
  'script',
  'style',
  'noscript',
  'template',
  'iframe',
  'object',
  'embed',
  'form',
  'button',
  'input',
  'select',
  'textarea',
  'nav',
  'aside',
  'figure',
  'figcaption',
  'svg',
  'canvas',
  'video',
  'audio',
]);

/** ARIA roles of furniture. */
export const FURNITURE_ROLES: readonly string[] = Object.freeze([
  'complementary',
  'navigation',
  'banner',
  'contentinfo',
  'search',
  'dialog',
  'alert',
]);

/** Whole paragraph texts that are furniture, lower-cased, without end punctuation. */
export const FURNITURE_TEXTS: readonly string[] = Object.freeze([
  'advertisement',
  'advertising',
  'ad',
  'sponsored',
  'sponsored content',
  'paid content',
  'story continues below advertisement',
  'article continues below advertisement',
  'article continues below',
  'story continues below',
  'continue reading below',
  'continue reading the main story',
  'scroll to continue with content',
  'share',
  'share this',
  'share this article',
  'share this story',
  'share on facebook',
  'share on x',
  'share on twitter',
  'read more',
  'related',
  'related articles',
  'related stories',
  'related content',
  'more on this story',
  'also read',
  'see also',
  'recommended',
  'click here to subscribe',
  'sign up for our newsletter',
  'subscribe to our newsletter',
  'follow us',
  'print',
  'email',
]);

/**
 * Labels that open a paragraph of links to other stories (`Read more: <a>…</a>`). Such a paragraph is removed
 * when most of its text after the label is link text.
 */
export const LINK_LABELS: readonly string[] = Object.freeze([
  'read more',
  'read also',
  'also read',
  'related',
  'see also',
  'more',
  'watch',
  'listen',
  'read',
  'more on this',
  'recommended',
]);

/** Labels that open a paragraph that is an advertisement whatever its links. */
export const AD_LABELS: readonly string[] = Object.freeze([
  'sponsored',
  'advertisement',
  'ad',
  'promoted',
  'partner content',
]);
