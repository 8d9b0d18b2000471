// `/dial compare`: reps log week by week the way they do (the clock moved to each week), then a
// rep compares a teammate with the team average, or two reps; the answer shows each week's share of
// each one's own target, the averages, and an uploaded chart. Who may compare whom is enforced.
import { givenTeamGoal } from '../helpers/goals.js';
import { slash, startHarness, testDatabases, visibleText, type Harness } from '../helpers/harness.js';
import { pngSize } from '../helpers/png.js';

const DANA = 'U0DANA';
const SAM = 'U0SAM';
const LEE = 'U0LEE';
const OTHER = 'U0OTHER';
const NOW = '2026-12-04T18:00:00Z'; // Fri 4 Dec; the last 4 finished weeks start 2, 9, 16 and 23 Nov.

// The test plan (ratios stored as 33.33%) needs 364 dials and 121 conversations a month: over
// November's 21 workdays, 86.67 and 28.81 a week — so 90 dials and 30 conversations score 104%.
const WEEKS = ['2026-11-04', '2026-11-11', '2026-11-18', '2026-11-25'];

describe.each(testDatabases())('/dial compare on %s', (database) => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness({ database, now: NOW });
    for (const [id, name] of [[DANA, 'dana'], [SAM, 'sam'], [LEE, 'lee'], [OTHER, 'olga']] as const) h.slack.setUser({ id, name, tz: 'America/New_York' });
  });
  afterAll(() => h.stop());

  beforeAll(async () => {
    await h.reset(NOW);
    await givenTeamGoal(h.prisma, { effectiveFrom: '2026-10-01' });
    // dana: 90 dials 30 convos every week; sam: 60/20 then sliding; lee: only the last week.
    const sam = ['60 dials 20 convos', '45 dials 15 convos', '30 dials 10 convos', '15 dials 5 convos'];
    for (const [i, wednesday] of WEEKS.entries()) {
      h.clock.set(`${wednesday}T18:00:00Z`);
      await (await slash(h, DANA, '90 dials 30 convos')).reply();
      await (await slash(h, SAM, sam[i]!)).reply();
      if (i === 3) await (await slash(h, LEE, '86 dials 29 convos')).reply();
    }
    h.clock.set(NOW);
  }, 120_000);

  const compare = async (user: string, text: string) => {
    h.slack.reset();
    return (await slash(h, user, `compare ${text}`)).reply();
  };

  it('compares two reps week by week with their own targets, and shows an uploaded chart', async () => {
    const reply = await compare(SAM, `<@${DANA}|dana> <@${SAM}|sam>`);
    const shown = visibleText(reply);
    expect(shown).toContain('dana vs sam · last 4 weeks');
    expect(shown).toContain(`*Week of Mon 2 Nov* · <@${DANA}> *104%* (90 dials, 30 conversations) · <@${SAM}> *69%* (60 dials, 20 conversations)`);
    expect(shown).toContain(`*Week of Mon 23 Nov* · <@${DANA}> *104%* (90 dials, 30 conversations) · <@${SAM}> *17%* (15 dials, 5 conversations)`);
    expect(shown).toContain(`Over 4 weeks: <@${DANA}> averaged *104%* · <@${SAM}> averaged *43%*.`);
    const image = (reply.blocks as Array<Record<string, any>>).find((b) => b.type === 'image');
    expect(image?.title.text).toBe('dana vs sam');
    expect(image?.alt_text).toContain('dana: Mon 2 Nov 104% (90 dials, 30 conversations)');
    expect(h.slack.callsTo('files.getUploadURLExternal')).toHaveLength(1);
    expect(pngSize(h.slack.uploads.get(image?.slack_file.id)!)).toEqual({ width: 1440, height: 680 });
  });

  it('compares one rep with the team average (every rep with a target that week counts)', async () => {
    const shown = visibleText(await compare(DANA, `<@${SAM}>`));
    expect(shown).toContain('sam vs Sales average · last 4 weeks');
    // Week of 2 Nov: dana 104%, sam 69%; lee had a target but logged nothing: 0%. The mean of their
    // scores, and of their counts (150 dials, 50 conversations over 3).
    expect(shown).toContain(`*Week of Mon 2 Nov* · <@${SAM}> *69%* (60 dials, 20 conversations) · *Sales average* *57%* (50 dials, 17 conversations)`);
    expect(shown).toContain(`*Week of Mon 23 Nov* · <@${SAM}> *17%* (15 dials, 5 conversations) · *Sales average* *73%* (64 dials, 21 conversations)`);
  });

  it('refuses someone dialbot has never seen, a rep of another team, and bad input, storing nothing', async () => {
    expect(visibleText(await compare(DANA, `<@U0NOBODY>`))).toContain('<@U0NOBODY> hasn’t used dialbot yet');
    const team = await h.prisma.team.create({ data: { workspaceId: 'T0001', name: 'East' } });
    await (await slash(h, OTHER, '5')).reply();
    await h.prisma.member.update({ where: { workspaceId_slackUserId: { workspaceId: 'T0001', slackUserId: OTHER } }, data: { teamId: team.id } });
    expect(visibleText(await compare(DANA, `<@${OTHER}>`))).toContain(`<@${OTHER}> isn’t on your team, so you can’t compare with them.`);
    // Someone on no team has no targets to compare, even with themself.
    await h.prisma.member.update({ where: { workspaceId_slackUserId: { workspaceId: 'T0001', slackUserId: OTHER } }, data: { teamId: null } });
    expect(visibleText(await compare(OTHER, `<@${OTHER}>`))).toContain(`<@${OTHER}> isn’t on a team yet, so they have no targets to compare.`);
    // Input errors come straight back in the ack.
    const refused = async (text: string) => visibleText((await slash(h, DANA, `compare ${text}`.trim())).ack.json as { blocks: unknown[] });
    expect(await refused('')).toContain('Whom should I compare?');
    expect(await refused(`<@${SAM}> <@${SAM}>`)).toContain('the same person twice');
    expect(await refused(`<@${SAM}> <@${DANA}> <@${LEE}>`)).toContain('two people at a time');
    expect(await refused('sam')).toContain('“sam” isn\'t a Slack mention');
    expect(h.slack.callsTo('files.getUploadURLExternal')).toHaveLength(0);
  });
});
