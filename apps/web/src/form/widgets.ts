import type { RegistryFieldsType, RegistryWidgetsType } from '@rjsf/utils'
import { CodeEditorWidget } from '../components/widgets/CodeEditorWidget.tsx'
import { SuggestWidget } from '../components/widgets/SuggestWidget.tsx'
import { YamlField } from '../components/widgets/YamlField.tsx'
import { fieldNames, widgetNames } from './ui-schema.ts'

/** The widgets the uiSchema from `toUiSchema` names, beside rjsf's own. */
export const formWidgets: RegistryWidgetsType = {
  [widgetNames.code]: CodeEditorWidget,
  [widgetNames.suggest]: SuggestWidget,
}

/** The custom fields the uiSchema from `toUiSchema` names. */
export const formFields: RegistryFieldsType = {
  [fieldNames.yaml]: YamlField,
}
