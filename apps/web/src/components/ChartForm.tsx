import Form from '@rjsf/core'
import type { IChangeEvent } from '@rjsf/core'
import type { ErrorSchema, RJSFSchema, RJSFValidationError, UiSchema } from '@rjsf/utils'
import validator from '@rjsf/validator-ajv8'
import { useMemo } from 'react'
import { toHelmErrors } from '../form/messages.ts'
import { prepareSchema } from '../form/prepare.ts'
import { toUiSchema } from '../form/ui-schema.ts'
import { formFields, formWidgets } from '../form/widgets.ts'

interface Props {
  schema: { [key: string]: unknown }
  /** The chart's values.yaml defaults (and, when editing, the module's values over them). */
  values: { [key: string]: unknown }
  editing?: boolean
  /** Errors the server found (shown next to their fields until the next change). */
  extraErrors?: ErrorSchema | undefined
  onChange(values: { [key: string]: unknown }, errors: RJSFValidationError[]): void
}

/**
 * The chart's values as a form (rjsf): order, widgets and read-only fields from `toUiSchema`,
 * defaults from values.yaml, and live validation with the schema's own constraints.
 */
export function ChartForm({ schema, values, editing, extraErrors, onChange }: Props) {
  const rjsfSchema = useMemo(() => prepareSchema(schema), [schema])
  const uiSchema = useMemo<UiSchema>(
    () => ({
      ...toUiSchema(schema, values, { editing: editing ?? false }),
      'ui:submitButtonOptions': { norender: true },
    }),
    [schema, values, editing],
  )
  return (
    <Form
      schema={rjsfSchema as RJSFSchema}
      uiSchema={uiSchema}
      formData={values}
      validator={validator}
      widgets={formWidgets}
      fields={formFields}
      liveValidate="onChange"
      showErrorList={false}
      noHtml5Validate
      transformErrors={toHelmErrors}
      {...(extraErrors ? { extraErrors, extraErrorsBlockSubmit: false } : {})}
      idPrefix="values"
      onChange={(event: IChangeEvent) =>
        onChange((event.formData ?? {}) as { [key: string]: unknown }, event.errors)
      }
    />
  )
}
