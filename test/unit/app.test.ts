import { scrubCredentials } from '../../src/app.js';

describe('scrubCredentials', () => {
  it('censors Slack tokens and the OAuth client secret in the Web API client’s debug lines', () => {
    expect(scrubCredentials('http request body: {"code":"c-1","client_id":"1.2","client_secret":"s3cr3t-value"}')).toBe(
      'http request body: {"code":"c-1","client_id":"1.2","client_secret":"[redacted]"}',
    );
    expect(scrubCredentials('code=c&client_secret=s3cr3t&x=1')).toBe('code=c&client_secret=[redacted]&x=1');
    expect(scrubCredentials('{"Authorization":"Bearer xoxb-123-456-abcDEF","app":"xapp-1-A1-99-zz"}')).toBe('{"Authorization":"Bearer xoxb-[redacted]","app":"xapp-[redacted]"}');
    expect(scrubCredentials('apiCall(\'chat.postMessage\') end')).toBe('apiCall(\'chat.postMessage\') end');
  });
});
