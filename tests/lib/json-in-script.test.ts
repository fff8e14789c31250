import {describe, expect, it} from 'vitest';
import {jsonForScript} from '@site/src/lib/json-in-script';

describe('jsonForScript', () => {
  const hostile = {
    name: '</script><img src=x onerror=alert(document.domain)>',
    svg: '</svg><script>alert(1)</script>',
    comment: '<!-- <script> & &amp;',
    separators: 'line\u2028paragraph\u2029end',
  };

  it('leaves no character the HTML parser could end a script with', () => {
    const text = jsonForScript(hostile);
    expect(text).not.toMatch(/[<>&\u2028\u2029]/);
    expect(text).toContain('\\u003c/script\\u003e');
    expect(text).toContain('\\u0026amp;');
    expect(text).toContain('\\u2028');
  });

  it('still parses as JSON to the very same value', () => {
    expect(JSON.parse(jsonForScript(hostile))).toEqual(hostile);
    expect(JSON.parse(jsonForScript(['a', 1, null, {b: true}]))).toEqual(['a', 1, null, {b: true}]);
  });
});
