import { assignColors, colorForKey, OTHER_COLOR, PALETTE, PROVIDER_COLORS, withAlpha } from '../../../src/charts/colors';

describe('series colours', () => {
  it('gives each cloud its brand colour, whatever the case', () => {
    expect(colorForKey('aws')).toBe('#FF9900');
    expect(colorForKey('Azure')).toBe('#0078D4');
    expect(colorForKey(' GCP ')).toBe('#34A853');
    expect(colorForKey('oci')).toBe('#C74634');
  });

  it('hashes other keys into the palette, the same way every time', () => {
    const color = colorForKey('Amazon EC2');
    expect(PALETTE).toContain(color);
    expect(colorForKey('amazon ec2')).toBe(color);
    expect(assignColors(['aws', 'Amazon EC2'])[1]).toBe(color);
  });

  it('keeps the palette clear of the provider colours', () => {
    for (const provider of Object.values(PROVIDER_COLORS)) expect(PALETTE).not.toContain(provider);
    expect(PALETTE).not.toContain(OTHER_COLOR);
  });

  it('greys out "Other"', () => {
    expect(colorForKey('Other')).toBe(OTHER_COLOR);
  });

  it('keeps hashed colours distinct within one chart', () => {
    const keys = Array.from({ length: PALETTE.length }, (_, i) => `service-${i}`);
    expect(new Set(assignColors(keys)).size).toBe(PALETTE.length);
  });

  it('adds an alpha byte', () => {
    expect(withAlpha('#FF9900', 0.15)).toBe('#FF990026');
  });
});
