/**
 * The part of sax's API (https://github.com/isaacs/sax-js) that xml-tree.ts uses. sax ships
 * no types of its own; these few lines spare the project another package.
 */
declare module 'sax' {
  namespace sax {
    interface QualifiedAttribute {
      name: string;
      value: string;
      prefix: string;
      local: string;
      uri: string;
    }
    interface QualifiedTag {
      name: string;
      prefix: string;
      local: string;
      uri: string;
      attributes: Record<string, QualifiedAttribute>;
      /** In-scope prefixes; inherited ones come through the prototype chain. */
      ns: Record<string, string>;
      isSelfClosing: boolean;
    }
    interface ParserOptions {
      xmlns?: boolean;
      strictEntities?: boolean;
      position?: boolean;
    }
    interface SAXParser {
      line: number;
      column: number;
      onopentag: (tag: QualifiedTag) => void;
      onclosetag: (name: string) => void;
      ontext: (text: string) => void;
      oncdata: (text: string) => void;
      ondoctype: (doctype: string) => void;
      onprocessinginstruction: (pi: { name: string; body: string }) => void;
      onerror: (error: Error) => void;
      write(chunk: string): SAXParser;
      close(): SAXParser;
    }
    function parser(strict: boolean, options?: ParserOptions): SAXParser;
  }
  export = sax;
}
