/** Legs of a run spread over a job matrix: how a shard is named and how results carry it. */

/** The configuration key a merged result carries its shard in (part of its identity). */
export const SHARD_KEY = 'shard';

/** What a shard name may be: it is part of an artifact's name and of a folder's. */
export const SHARD_NAME = /^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/;
