import type { ActionsBlock, Button, ContextBlock, Datepicker, HeaderBlock, InputBlock, KnownBlock, NumberInput, PlainTextInput, SectionBlock } from '@slack/types';
import { describeCounts, errorReply, helpReply, loggedReply, undoneReply } from '../../../src/blocks/activity-replies.js';
import { buildRepHome } from '../../../src/blocks/home.js';
import { ACTION, CALLBACK, LOG_MODAL } from '../../../src/blocks/ids.js';
import { buildLogModal } from '../../../src/blocks/log-modal.js';
import { LIMITS, truncate } from '../../../src/blocks/slack-limits.js';
import { dialHelpText } from '../../../src/listeners/commands/dial-grammar.js';
import type { ActivityTotals } from '../../../src/services/progress/activity-totals.js';
import { periodProgress } from '../../../src/services/progress/pace.js';
import type { RepProgress } from '../../../src/services/progress/rep-progress.js';
import { weekOf } from '../../../src/lib/time.js';

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

const TOTALS: ActivityTotals = { today: { dial: 52, conversation: 3 }, week: { dial: 140, conversation: 30, close: 1 } };
const NO_TOTALS: ActivityTotals = { today: {}, week: {} };

const section = (block: KnownBlock | undefined) => {
  expect(block?.type).toBe('section');
  return block as SectionBlock;
};

/** Every mrkdwn/plain text in section blocks (text and fields). */
function sectionTexts(blocks: KnownBlock[]): string[] {
  return blocks.flatMap((block) => (block.type === 'section' ? [block.text?.text ?? '', ...(block.fields ?? []).map((field) => field.text)] : []));
}

describe('truncate', () => {
  it('keeps short text and cuts long text to the limit with an ellipsis', () => {
    expect(truncate('abc', 3)).toBe('abc');
    expect(truncate('abcd', 3)).toBe('ab…');
  });

  it('never cuts an emoji in half', () => {
    const cut = truncate('🔥'.repeat(10), 4);
    expect(cut).not.toMatch(LONE_SURROGATE);
    expect(cut.length).toBeLessThanOrEqual(4);
    expect(cut).toBe('🔥…');
  });
});

describe('describeCounts', () => {
  it('uses the singular for one and the plural otherwise', () => {
    expect(describeCounts({ dial: 1 })).toBe('1 dial');
    expect(describeCounts({ dial: 2 })).toBe('2 dials');
    expect(describeCounts({ opportunity: 1 })).toBe('1 opportunity');
    expect(describeCounts({ opportunity: 3 })).toBe('3 opportunities');
    expect(describeCounts({ dial: 1000 })).toBe('1,000 dials');
  });

  it('joins with commas and "and", in funnel order', () => {
    expect(describeCounts({ conversation: 12, dial: 40 })).toBe('40 dials and 12 conversations');
    expect(describeCounts({ presentation: 2, dial: 40, conversation: 12 })).toBe('40 dials, 12 conversations and 2 presentations');
    expect(describeCounts({ close: 1, opportunity: 2, presentation: 3, conversation: 4, dial: 5 })).toBe(
      '5 dials, 4 conversations, 3 presentations, 2 opportunities and 1 close',
    );
  });

  it('leaves out zeros and says when there is nothing', () => {
    expect(describeCounts({ dial: 0, conversation: 2 })).toBe('2 conversations');
    expect(describeCounts({})).toBe('nothing yet');
    expect(describeCounts({ dial: 0 })).toBe('nothing yet');
  });
});

describe('buildLogModal', () => {
  const modal = buildLogModal({ today: '2026-12-03', earliest: '2026-11-26', maxCount: 1000, channelId: 'C123' });
  const blocks = modal.blocks as KnownBlock[];
  const inputs = blocks.filter((block): block is InputBlock => block.type === 'input');

  it('is the log_activity modal with short title and buttons', () => {
    expect(modal.type).toBe('modal');
    if (modal.type !== 'modal') return;
    expect(modal.callback_id).toBe(CALLBACK.logActivity);
    expect(modal.callback_id).toBe('log_activity');
    expect(modal.title).toEqual({ type: 'plain_text', text: 'Log activity' });
    expect(modal.submit).toEqual({ type: 'plain_text', text: 'Log it' });
    expect(modal.close).toEqual({ type: 'plain_text', text: 'Cancel' });
    for (const text of [modal.title.text, modal.submit?.text ?? '', modal.close?.text ?? '']) {
      expect(text.length).toBeGreaterThan(0);
      expect(text.length).toBeLessThanOrEqual(LIMITS.modalTitle);
      expect(text.length).toBeLessThanOrEqual(24);
    }
  });

  it('has one whole-number input per kind, in funnel order', () => {
    const counts = inputs.filter((block) => block.element.type === 'number_input');
    expect(counts.map((block) => block.block_id)).toEqual(['count_dial', 'count_conversation', 'count_presentation', 'count_opportunity', 'count_close']);
    expect(counts.map((block) => block.label.text)).toEqual(['Dials', 'Conversations', 'Presentations', 'Opportunities', 'Closes']);
    for (const block of counts) {
      const element = block.element as NumberInput;
      expect(block.optional).toBe(true);
      expect(element.action_id).toBe(LOG_MODAL.countAction);
      expect(element.is_decimal_allowed).toBe(false);
      expect(element.min_value).toBe('1');
      expect(element.max_value).toBe('1000');
    }
  });

  it('the maximum follows the setting', () => {
    const other = buildLogModal({ today: '2026-12-03', earliest: '2026-11-26', maxCount: 250, channelId: undefined });
    const first = (other.blocks as KnownBlock[]).find((block): block is InputBlock => block.type === 'input');
    expect((first?.element as NumberInput).max_value).toBe('250');
  });

  it('has a required day picker starting on today, and an optional note limited to 500 characters', () => {
    const date = inputs.find((block) => block.block_id === LOG_MODAL.dateBlock);
    expect(date?.optional).toBeFalsy();
    expect(date?.label.text).toBe('Day');
    expect(date?.hint?.text).toBe('Today or up to 2026-11-26 (your timezone).');
    const picker = date?.element as Datepicker;
    expect(picker.type).toBe('datepicker');
    expect(picker.action_id).toBe(LOG_MODAL.dateAction);
    expect(picker.initial_date).toBe('2026-12-03');

    const note = inputs.find((block) => block.block_id === LOG_MODAL.noteBlock);
    expect(note?.optional).toBe(true);
    const text = note?.element as PlainTextInput;
    expect(text.type).toBe('plain_text_input');
    expect(text.action_id).toBe(LOG_MODAL.noteAction);
    expect(text.multiline).toBe(true);
    expect(text.max_length).toBe(500);
    expect(inputs.map((block) => block.block_id)).toEqual([...inputs.slice(0, 5).map((block) => block.block_id), 'date', 'note']);
  });

  it('carries the channel in private_metadata as JSON', () => {
    expect(modal.private_metadata).toBe('{"channelId":"C123"}');
    expect(JSON.parse(modal.private_metadata ?? '')).toEqual({ channelId: 'C123' });
    const none = buildLogModal({ today: '2026-12-03', earliest: '2026-11-26', maxCount: 1000, channelId: undefined });
    expect(none.private_metadata).toBe('{}');
    for (const metadata of [modal.private_metadata ?? '', none.private_metadata ?? '']) expect(metadata.length).toBeLessThanOrEqual(3000);
  });

  it('block ids are unique', () => {
    const ids = blocks.map((block) => block.block_id).filter(Boolean);
    expect(new Set(ids).size).toBe(ids.length);
  });
});

describe('loggedReply', () => {
  it('says what was logged and for when, with today’s and this week’s totals', () => {
    const reply = loggedReply({ counts: { dial: 40, conversation: 12 }, dateLabel: 'today', note: null, totals: TOTALS, duplicate: false });
    expect(reply.text).toBe(':white_check_mark: Logged 40 dials and 12 conversations for today.');
    expect(reply.blocks).toHaveLength(3);
    expect(section(reply.blocks[0]).text).toEqual({ type: 'mrkdwn', text: ':white_check_mark: Logged 40 dials and 12 conversations for today.' });
    expect(section(reply.blocks[1]).fields).toEqual([
      { type: 'mrkdwn', text: '*Today*\n52 dials\n3 conversations' },
      { type: 'mrkdwn', text: '*This week*\n140 dials\n30 conversations\n1 close' },
    ]);
    const context = reply.blocks[2] as ContextBlock;
    expect(context.type).toBe('context');
    expect(context.elements).toEqual([{ type: 'mrkdwn', text: 'Targets appear here once your manager sets a goal. Made a mistake? `/dial undo`' }]);
  });

  it('quotes the note under the headline, line by line', () => {
    const reply = loggedReply({ counts: { dial: 1 }, dateLabel: 'Tue 1 Dec', note: 'left 4 voicemails\nbooked Acme', totals: TOTALS, duplicate: false });
    expect(reply.text).toBe(':white_check_mark: Logged 1 dial for Tue 1 Dec.');
    expect(section(reply.blocks[0]).text?.text).toBe(':white_check_mark: Logged 1 dial for Tue 1 Dec.\n> left 4 voicemails\n> booked Acme');
  });

  it('a duplicate says nothing new was stored', () => {
    const reply = loggedReply({ counts: { dial: 12 }, dateLabel: 'yesterday', note: null, totals: TOTALS, duplicate: true });
    expect(reply.text).toBe(':repeat: Already logged: 12 dials for yesterday. Nothing new was stored.');
    expect(section(reply.blocks[0]).text?.text).toBe(':repeat: Already logged: 12 dials for yesterday. Nothing new was stored.');
  });

  it('empty totals read "nothing yet"', () => {
    const reply = loggedReply({ counts: { dial: 1 }, dateLabel: 'today', note: null, totals: NO_TOTALS, duplicate: false });
    expect(section(reply.blocks[1]).fields?.map((field) => field.text)).toEqual(['*Today*\n_nothing yet_', '*This week*\n_nothing yet_']);
  });

  it('keeps every section within Slack’s limit for a huge note', () => {
    for (const note of ['x'.repeat(10_000), '\n'.repeat(10_000), 'a\n'.repeat(5000)]) {
      const reply = loggedReply({ counts: { dial: 1 }, dateLabel: 'today', note, totals: TOTALS, duplicate: false });
      for (const text of sectionTexts(reply.blocks)) expect(text.length).toBeLessThanOrEqual(3000);
      expect(section(reply.blocks[0]).text?.text.startsWith(':white_check_mark: Logged 1 dial for today.\n> ')).toBe(true);
    }
  });
});

describe('undoneReply', () => {
  it('says what was undone, how it came in, and that it stays voided in the record', () => {
    const reply = undoneReply({ counts: { dial: 12, conversation: 1 }, dateLabel: 'yesterday', source: 'api', totals: NO_TOTALS });
    const headline = ':leftwards_arrow_with_hook: Undone: 12 dials and 1 conversation for yesterday, logged via phone system. The entry stays in the record, marked voided.';
    expect(reply.text).toBe(headline);
    expect(reply.blocks).toHaveLength(2);
    expect(section(reply.blocks[0]).text).toEqual({ type: 'mrkdwn', text: headline });
    expect(section(reply.blocks[1]).fields?.map((field) => field.text)).toEqual(['*Today*\n_nothing yet_', '*This week*\n_nothing yet_']);
  });
});

describe('errorReply', () => {
  it('shows the message with a warning', () => {
    const reply = errorReply('0 is nothing to log: counts start at 1.');
    expect(reply.text).toBe(':warning: 0 is nothing to log: counts start at 1.');
    expect(reply.blocks).toEqual([{ type: 'section', text: { type: 'mrkdwn', text: ':warning: 0 is nothing to log: counts start at 1.' } }]);
  });

  it('stays within the section limit for a 10k-character message', () => {
    const reply = errorReply('e'.repeat(10_000));
    const text = section(reply.blocks[0]).text?.text ?? '';
    expect(text.length).toBeLessThanOrEqual(3000);
    expect(text.startsWith(':warning: eee')).toBe(true);
    expect(text.endsWith('e…')).toBe(true);
    expect(reply.text.length).toBeLessThanOrEqual(3000);
  });

  it('does not cut an emoji in half when truncating', () => {
    for (const padding of ['', 'x']) {
      const text = section(errorReply(padding + '🔥'.repeat(5000)).blocks[0]).text?.text ?? '';
      expect(text.length).toBeLessThanOrEqual(3000);
      expect(text).not.toMatch(LONE_SURROGATE);
    }
  });
});

describe('helpReply', () => {
  it('shows the help text in one section', () => {
    const help = dialHelpText({ maxCountPerEntry: 1000, backfillDays: 7 });
    const reply = helpReply(help);
    expect(reply.text).toBe('How to use /dial');
    expect(reply.blocks).toEqual([{ type: 'section', text: { type: 'mrkdwn', text: help } }]);
    expect(help.length).toBeLessThanOrEqual(3000);
  });

  it('truncates an oversized help text to the section limit', () => {
    const text = section(helpReply('h'.repeat(10_000)).blocks[0]).text?.text ?? '';
    expect(text).toHaveLength(3000);
    expect(text.endsWith('h…')).toBe(true);
  });
});

/** A rep with no goal yet on Thu 3 Dec (App Home's progress with goals: progress.test.ts). */
function noGoalProgress(totals: ActivityTotals): RepProgress {
  const ctx = {
    calendar: { workDays: [1, 2, 3, 4, 5], holidays: new Set<string>(), workdayStart: '09:00', workdayEnd: '17:00' },
    teamPlans: [],
    repPlans: [],
    absences: [],
  };
  const today = '2026-12-03';
  const zero = { dial: 0, conversation: 0, presentation: 0, opportunity: 0, close: 0 };
  return {
    today,
    isWorkday: true,
    attendanceToday: 1,
    absenceToday: null,
    monthly: null,
    overridden: [],
    day: periodProgress([today], today, 0.5, totals.today, ctx),
    week: periodProgress(weekOf(today), today, 0.5, totals.week, ctx),
    month: periodProgress([today], today, 0.5, totals.week, ctx),
    needToday: zero,
  };
}

describe('buildRepHome', () => {
  const home = buildRepHome({ displayName: 'Ana', progress: noGoalProgress(TOTALS) });
  const blocks = home.blocks as KnownBlock[];

  it('is a home view headed with the rep’s name', () => {
    expect(home.type).toBe('home');
    const header = blocks[0] as HeaderBlock;
    expect(header.type).toBe('header');
    expect(header.text).toEqual({ type: 'plain_text', text: 'Ana’s prospecting' });
  });

  it('has the Log activity button', () => {
    const actions = blocks.find((block): block is ActionsBlock => block.type === 'actions');
    const button = actions?.elements[0] as Button;
    expect(button.type).toBe('button');
    expect(button.action_id).toBe(ACTION.openLogModal);
    expect(button.action_id).toBe('open_log_modal');
    expect(button.text).toEqual({ type: 'plain_text', text: 'Log activity' });
  });

  it('without a goal, shows every kind for today, this week and this month, zeros included', () => {
    const periods = blocks.filter((block): block is SectionBlock => block.type === 'section').map((block) => block.text?.text);
    expect(periods).toEqual([
      '*Today* (Thu 3 Dec)\n:telephone_receiver: 52 dials\n:speech_balloon: 3 conversations\n:bar_chart: 0 presentations\n:dart: 0 opportunities\n:trophy: 0 closes',
      '*This week* (Mon 30 Nov – Sun 6 Dec)\n:telephone_receiver: 140 dials\n:speech_balloon: 30 conversations\n:bar_chart: 0 presentations\n:dart: 0 opportunities\n:trophy: 1 close',
      '*This month* (December 2026)\n:telephone_receiver: 140 dials\n:speech_balloon: 30 conversations\n:bar_chart: 0 presentations\n:dart: 0 opportunities\n:trophy: 1 close',
    ]);
    const notice = blocks.find((block): block is ContextBlock => block.type === 'context');
    expect(notice?.elements[0]).toMatchObject({ text: expect.stringContaining('No goal is set yet') });
  });

  it('keeps the header within 150 characters for a 500-character name', () => {
    const long = buildRepHome({ displayName: 'N'.repeat(500), progress: noGoalProgress(TOTALS) });
    const header = (long.blocks as KnownBlock[])[0] as HeaderBlock;
    expect(header.text.text).toHaveLength(150);
    expect(header.text.text).toBe(`${'N'.repeat(149)}…`);
    expect(long.blocks.length).toBeLessThanOrEqual(100);
  });

  it('does not cut an emoji name in half', () => {
    const emoji = buildRepHome({ displayName: '🔥'.repeat(200), progress: noGoalProgress(TOTALS) });
    const text = ((emoji.blocks as KnownBlock[])[0] as HeaderBlock).text.text;
    expect(text.length).toBeLessThanOrEqual(150);
    expect(text).not.toMatch(LONE_SURROGATE);
  });

  it('stays within Slack’s block and text limits', () => {
    expect(blocks.length).toBeLessThanOrEqual(100);
    for (const text of sectionTexts(blocks)) expect(text.length).toBeLessThanOrEqual(3000);
  });
});
