import type { RegistryWidgetsType } from '@rjsf/utils'
import { CodeEditorWidget } from '../components/widgets/CodeEditorWidget.tsx'
import { SuggestWidget } from '../components/widgets/SuggestWidget.tsx'
import { widgetNames } from './ui-schema.ts'

/** The widgets the uiSchema from `toUiSchema` names, beside rjsf's own. */
export const formWidgets: RegistryWidgetsType = {
  [widgetNames.code]: CodeEditorWidget,
  [widgetNames.suggest]: SuggestWidget,
}
