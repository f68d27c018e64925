import {
  Checkbox,
  Modal,
  Select,
  SimpleGrid,
  Stack,
  Text,
  TextInput,
  Textarea,
} from '@mantine/core'
import { useState } from 'react'
import {
  APPLICANT_TYPE_LABELS,
  CHANNEL_LABELS,
  CHANNEL_RECEIPT_RULES,
  FORM_LABELS,
} from '../../../shared/requests/labels'
import { requestRegisterSchema } from '../../../shared/requests/schemas'
import {
  APPLICANT_TYPES,
  REQUEST_CHANNELS,
  REQUEST_FORMS,
  type ApplicantType,
  type RequestChannel,
  type RequestForm,
  type RequestView,
} from '../../../shared/requests/types'
import { api, errorMessage } from '../../api/client'
import { useApiAction } from '../../api/hooks'
import { DateField } from '../../components/DateField'
import { useZodForm } from '../../lib/zod-form'
import { FormActions } from './FormActions'
import { announceRequestsChanged } from './ui-labels'

const initialValues = {
  applicantType: 'natural' as ApplicantType,
  applicantName: '',
  applicantIdNo: '',
  applicantContact: '',
  applicantAddress: '',
  channel: 'post' as RequestChannel,
  submittedDate: null as string | null,
  channelDate: '',
  receivedDate: null as string | null,
  receiptReason: '',
  content: '',
  form: 'paper' as RequestForm,
  formNote: '',
}

/** 登记申请: the form's rules come from the shared zod schema core validates with. */
export function RegisterRequestModal({
  opened,
  onClose,
  onRegistered,
}: {
  opened: boolean
  onClose: () => void
  onRegistered: (v: RequestView) => void
}) {
  const form = useZodForm(requestRegisterSchema, { initialValues })
  const [override, setOverride] = useState(false)
  const [error, setError] = useState<string | null>(null)
  const register = useApiAction(api().requests.register, { notify: false })
  const rule = CHANNEL_RECEIPT_RULES[form.values.channel]
  const natural = form.values.applicantType === 'natural'
  const dateProps = (field: 'submittedDate' | 'channelDate' | 'receivedDate') => {
    const p = form.getInputProps(field)
    return {
      value: (form.values[field] as string | null) ?? null,
      onChange: (d: string | null) =>
        form.setFieldValue(field, (field === 'channelDate' ? (d ?? '') : d) as never),
      onBlur: p.onBlur,
      error: p.error,
    }
  }
  const close = () => {
    form.reset()
    setOverride(false)
    setError(null)
    onClose()
  }

  return (
    <Modal opened={opened} onClose={close} title="登记政府信息公开申请" size="lg">
      <form
        onSubmit={form.onSubmit(async (data) => {
          setError(null)
          const r = await register.run(data)
          if (r.ok) {
            announceRequestsChanged()
            form.reset()
            setOverride(false)
            onRegistered(r.data)
          } else setError(errorMessage(r.error))
        })}
      >
        <Stack gap="sm">
          <Text fz="xs" c="dimmed">
            申请人信息属于个人信息，仅保存在本机，不会同步到区级平台，列表中脱敏显示。
          </Text>
          <SimpleGrid cols={2} spacing="sm">
            <Select
              label="申请人类型"
              required
              data={APPLICANT_TYPES.map((t) => ({ value: t, label: APPLICANT_TYPE_LABELS[t] }))}
              allowDeselect={false}
              {...form.getInputProps('applicantType')}
            />
            <TextInput
              label={natural ? '申请人姓名' : '申请人名称'}
              required
              {...form.getInputProps('applicantName')}
            />
            <TextInput
              label={natural ? '身份证件号码' : '统一社会信用代码'}
              {...form.getInputProps('applicantIdNo')}
            />
            <TextInput label="联系电话或邮箱" {...form.getInputProps('applicantContact')} />
          </SimpleGrid>
          <TextInput label="通信地址" {...form.getInputProps('applicantAddress')} />
          <SimpleGrid cols={2} spacing="sm">
            <Select
              label="申请方式"
              required
              data={REQUEST_CHANNELS.map((c) => ({ value: c, label: CHANNEL_LABELS[c] }))}
              allowDeselect={false}
              {...form.getInputProps('channel')}
            />
            <DateField label="提交（寄出）日期" {...dateProps('submittedDate')} />
          </SimpleGrid>
          <DateField
            label={rule.field}
            description={`${rule.rule}（条例第三十一条）`}
            required
            clearable={false}
            {...dateProps('channelDate')}
          />
          <Checkbox
            label="实际收到申请之日与上述日期不同（须说明原因，记入审计）"
            checked={override}
            onChange={(e) => {
              setOverride(e.currentTarget.checked)
              if (!e.currentTarget.checked) {
                form.setFieldValue('receivedDate', null)
                form.setFieldValue('receiptReason', '')
              }
            }}
          />
          {override && (
            <SimpleGrid cols={2} spacing="sm">
              <DateField label="收到申请之日" {...dateProps('receivedDate')} />
              <TextInput label="更正原因" {...form.getInputProps('receiptReason')} />
            </SimpleGrid>
          )}
          <Textarea
            label="申请公开的政府信息"
            description="名称、文号或者便于查询的其他特征性描述（条例第二十九条）"
            required
            autosize
            minRows={2}
            {...form.getInputProps('content')}
          />
          <SimpleGrid cols={2} spacing="sm">
            <Select
              label="所需信息的形式"
              required
              data={REQUEST_FORMS.map((f) => ({ value: f, label: FORM_LABELS[f] }))}
              allowDeselect={false}
              {...form.getInputProps('form')}
            />
            <TextInput
              label="获取方式说明"
              placeholder="如：邮寄、电子邮件、当面领取"
              {...form.getInputProps('formNote')}
            />
          </SimpleGrid>
          <FormActions
            error={error}
            errorTitle="未能登记"
            busy={register.busy}
            onCancel={close}
            submitLabel="登记"
          />
        </Stack>
      </form>
    </Modal>
  )
}
