import { describe, expect, it } from 'vitest';
import { renderMail, unknownPlaceholders } from './render.ts';

describe('renderMail', () => {
  const template = {
    subject: 'Come back in January, {{ firstName | friend }}!',
    body: [
      'Hi {{firstName|there}},',
      '',
      'The first month is **half price** at {{ clubName }}. [Book here](https://club.example/book).',
      '',
      'Regards, {{ responsibleName }}',
    ].join('\n'),
  };

  it('fills placeholders into the subject, the HTML and the text part', () => {
    const out = renderMail(template, {
      firstName: 'Åsa',
      clubName: 'Friskis',
      responsibleName: 'Lena',
    });
    expect(out.subject).toBe('Come back in January, Åsa!');
    expect(out.html).toContain('<p>Hi Åsa,</p>');
    expect(out.html).toContain('<strong>half price</strong> at Friskis.');
    expect(out.html).toContain('<a href="https://club.example/book">Book here</a>');
    expect(out.text).toBe(
      'Hi Åsa,\n\nThe first month is half price at Friskis. Book here (https://club.example/book).\n\nRegards, Lena',
    );
    expect(out.missing).toEqual([]);
  });

  it('uses the default for an empty value and reports placeholders left empty', () => {
    const out = renderMail(template, { firstName: '  ', clubName: 'Friskis' });
    expect(out.subject).toBe('Come back in January, friend!');
    expect(out.text).toMatch(/^Hi there,/);
    expect(out.missing).toEqual(['responsibleName']);
    expect(out.text).toMatch(/Regards,$/);
  });

  it('prints values as text: markup and markdown in a name do nothing', () => {
    const out = renderMail(
      { subject: '{{fullName}}', body: 'Hello {{ fullName }}' },
      { fullName: '<img src=x onerror=alert(1)> **Bold** _x_' },
    );
    expect(out.html).toContain('&#60;img src=x onerror=alert(1)&#62; **Bold** _x_');
    expect(out.html).not.toContain('<img');
    expect(out.html).not.toContain('<strong>');
    expect(out.subject).toBe('<img src=x onerror=alert(1)> **Bold** _x_');
  });

  it('shows raw HTML written into a template as text and drops script links', () => {
    const out = renderMail(
      {
        subject: 's',
        body: '<script>alert(1)</script>\n\n[click](javascript:alert(1)) <b>x</b>',
      },
      {},
    );
    expect(out.html).not.toMatch(/<script|<b>|javascript:/);
    expect(out.html).toContain('&#60;script&#62;');
    expect(out.html).toContain('click');
  });

  it('names placeholders it does not know', () => {
    expect(unknownPlaceholders('{{firstName}} {{ fristName }} {{club}}')).toEqual([
      'fristName',
      'club',
    ]);
  });
});
