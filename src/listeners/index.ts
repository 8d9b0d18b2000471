// Registers every listener; adding a feature means adding a file and a line here.
import type { App } from '@slack/bolt';
import { registerHomePeriodAction } from './actions/home-period.js';
import { registerLadderAction } from './actions/ladder-action.js';
import { registerMuteNudgeAction } from './actions/mute-nudge.js';
import { registerOpenLogModalAction } from './actions/open-log-modal.js';
import { registerOpenTeamSettingsAction } from './actions/open-team-settings.js';
import { registerPhoneSystemActions } from './actions/phone-system.js';
import { registerResolveFlagAction } from './actions/resolve-flag.js';
import { registerDialCommand } from './commands/dial.js';
import type { ListenerDeps } from './deps.js';
import { registerAppHomeOpened } from './events/app-home-opened.js';
import { registerAppUninstalled } from './events/app-uninstalled.js';
import { registerCsvImportViews } from './views/csv-import.js';
import { registerGoalPlanListeners } from './views/goal-plan.js';
import { registerLadderActionView } from './views/ladder-action.js';
import { registerLogActivityView } from './views/log-activity.js';
import { registerPhoneSystemView } from './views/phone-system.js';
import { registerResolveFlagView } from './views/resolve-flag.js';
import { registerTeamSettingsView } from './views/team-settings.js';

export function registerListeners(app: App, deps: ListenerDeps): void {
  registerDialCommand(app, deps);
  registerLogActivityView(app, deps);
  registerOpenLogModalAction(app, deps);
  registerOpenTeamSettingsAction(app, deps);
  registerHomePeriodAction(app, deps);
  registerAppHomeOpened(app, deps);
  registerAppUninstalled(app, deps);
  registerTeamSettingsView(app, deps);
  registerGoalPlanListeners(app, deps);
  registerLadderAction(app, deps);
  registerMuteNudgeAction(app, deps);
  registerLadderActionView(app, deps);
  registerPhoneSystemActions(app, deps);
  registerPhoneSystemView(app, deps);
  registerCsvImportViews(app, deps);
  registerResolveFlagAction(app, deps);
  registerResolveFlagView(app, deps);
}
