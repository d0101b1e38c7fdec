/** `fn`, called on first use only; later calls return that first result. */
export declare function once<T>(fn: () => T): () => T;
