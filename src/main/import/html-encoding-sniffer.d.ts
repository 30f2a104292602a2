/** Types for html-encoding-sniffer 6 (it ships none): the WHATWG HTML encoding sniffing algorithm. */
declare module 'html-encoding-sniffer' {
  interface SniffOptions {
    /** Skip the `<meta charset>` prescan (BOM, then the transport label, then the default). */
    readonly xml?: boolean;
    /** The charset label from the transport (an HTTP `Content-Type`), outranked only by a BOM. */
    readonly transportLayerEncodingLabel?: string;
    /** Answered when nothing declares an encoding. */
    readonly defaultEncoding?: string;
  }
  /** The canonical WHATWG encoding name (not a label) for the bytes. */
  function htmlEncodingSniffer(bytes: Uint8Array, options?: SniffOptions): string;
  export = htmlEncodingSniffer;
}
