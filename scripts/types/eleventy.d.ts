// The parts of Eleventy 3's programmatic API that the build uses; Eleventy ships no types.
declare module '@11ty/eleventy' {
  interface EleventyOptions {
    configPath?: string;
    pathPrefix?: string;
    quietMode?: boolean;
    runMode?: 'build' | 'watch' | 'serve';
    config?: (eleventyConfig: any) => void;
  }

  export default class Eleventy {
    constructor(input?: string, output?: string, options?: EleventyOptions);
    init(): Promise<void>;
    setIsVerbose(isVerbose: boolean): void;
    write(): Promise<unknown>;
    watch(): Promise<void>;
    serve(port?: number): Promise<void>;
    stopWatch?(): Promise<void>;
  }
}
