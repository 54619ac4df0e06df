import type { FieldProps } from '@rjsf/utils'
import { useState } from 'react'
import { parse, stringify } from 'yaml'

function toText(value: unknown): string {
  if (value === undefined || value === null) return ''
  return stringify(value).replace(/\n$/, '')
}

/**
 * A value whose schema says too little for a form (no type, an array without `items`): edited
 * as YAML text, parsed on every change, with the parse error shown beside it.
 */
export function YamlField(props: FieldProps) {
  const { fieldPathId, formData, onChange, schema, name, readonly, disabled, uiSchema } = props
  const id = fieldPathId.$id
  const [text, setText] = useState(() => toText(formData))
  const [error, setError] = useState<string | undefined>()
  const title = (uiSchema?.['ui:title'] as string | undefined) ?? schema.title ?? name
  const description = typeof schema.description === 'string' ? schema.description : undefined
  return (
    <div className="yaml-field">
      <label className="control-label" htmlFor={id}>
        {title}
      </label>
      {description && (
        <p className="field-description" id={`${id}__description`}>
          {description}
        </p>
      )}
      <textarea
        id={id}
        className="form-control code"
        rows={Math.min(12, Math.max(3, text.split('\n').length + 1))}
        value={text}
        readOnly={readonly}
        disabled={disabled}
        spellCheck={false}
        aria-describedby={[
          description ? `${id}__description` : '',
          `${id}__yaml-help`,
          error ? `${id}__yaml-error` : '',
        ]
          .filter(Boolean)
          .join(' ')}
        aria-invalid={error ? true : undefined}
        onChange={(e) => {
          const next = e.target.value
          setText(next)
          try {
            const value = next.trim() === '' ? undefined : (parse(next) as unknown)
            setError(undefined)
            onChange(value, fieldPathId.path)
          } catch (err) {
            setError((err as Error).message.split('\n')[0])
          }
        }}
      />
      <small className="help" id={`${id}__yaml-help`}>
        YAML
      </small>
      {error && (
        <span className="field-error" role="alert" id={`${id}__yaml-error`}>
          {error}
        </span>
      )}
    </div>
  )
}
