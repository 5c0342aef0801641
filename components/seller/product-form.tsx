"use client";
// Create or edit a product or a drop. Sends only what changed on edit (an untouched opening time is never
// re-validated as "in the past"); field errors from the API appear under their fields.
import { useRouter } from "next/navigation";
import { useState } from "react";
import type { Messages } from "@/lib/i18n/messages";
import { api } from "./api";
import { controlProps, FieldErrors, inputClass } from "@/components/ui/field";
import { ImageUploader } from "./image-uploader";
import { fill } from "@/lib/i18n/fill";
import { fromKstInput, toKstInput } from "./kst";
import { Form } from "@/components/ui/form";

export type ProductFormValues = {
  id?: string;
  name: string; description: string; price: number; categoryId: string; type: "NORMAL" | "LIMITED"; status: "DRAFT" | "ACTIVE" | "ARCHIVED";
  units: number; saleStartsAt: string | null; saleEndsAt: string | null; perBuyerLimit: number | null; phoneRequired: boolean; images: string[];
  waitingRoom: boolean; admissionRate: number | null; preQueueMinutes: number; roomRangeCap: number | null; roomDeviceCap: number | null;
};

type Props = {
  initial?: ProductFormValues; categories: { id: string; name: string }[]; query: string; t: Messages["seller"];
  /** The deployment's caps on room places, shown for an empty field (WAITING_ROOM_RANGE_CAP, _DEVICE_CAP). */
  capDefaults: { range: number; device: number };
};

const num = (v: string) => (v.trim() === "" ? null : Number(v));

export function ProductForm({ initial, categories, query, t, capDefaults }: Props) {
  const router = useRouter();
  const [type, setType] = useState<"NORMAL" | "LIMITED">(initial?.type ?? "LIMITED");
  const [images, setImages] = useState<string[]>(initial?.images ?? []);
  const [room, setRoom] = useState<boolean>(initial?.waitingRoom ?? true);
  const [autoRate, setAutoRate] = useState<boolean>((initial?.admissionRate ?? null) === null);
  const [fields, setFields] = useState<Record<string, string[]>>({});
  const [notice, setNotice] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function submit(form: FormData) {
    const text = (k: string) => String(form.get(k) ?? "");
    const values: Record<string, unknown> = {
      name: text("name"), description: text("description"), price: num(text("price")), categoryId: text("categoryId"), type,
      units: num(text("units")), images,
      saleStartsAt: fromKstInput(text("saleStartsAt")), saleEndsAt: fromKstInput(text("saleEndsAt")),
      perBuyerLimit: num(text("perBuyerLimit")), phoneRequired: form.get("phoneRequired") === "on",
      waitingRoom: type === "LIMITED" && room,
    };
    if (type === "LIMITED" && room) {
      values.admissionRate = autoRate ? null : num(text("admissionRate"));
      values.preQueueMinutes = num(text("preQueueMinutes"));
      // Empty = the deployment's default (null), 0 = no cap.
      values.roomRangeCap = num(text("roomRangeCap"));
      values.roomDeviceCap = num(text("roomDeviceCap"));
    }
    if (initial?.status !== "ARCHIVED") values.status = text("status") || "ACTIVE";
    let body = values;
    if (initial) {
      const before: Record<string, unknown> = { ...initial, saleStartsAt: fromKstInput(toKstInput(initial.saleStartsAt)), saleEndsAt: fromKstInput(toKstInput(initial.saleEndsAt)) };
      body = Object.fromEntries(Object.entries(values).filter(([k, v]) => JSON.stringify(v) !== JSON.stringify(before[k])));
    }
    for (const k of ["price", "units"]) if (body[k] === null) body[k] = undefined;
    setBusy(true);
    setNotice(null);
    const res = initial
      ? await api<{ product: { id: string } }>(`/api/seller/products/${initial.id}${query}`, { method: "PATCH", body })
      : await api<{ product: { id: string } }>(`/api/seller/products${query}`, { body });
    setBusy(false);
    if (!res.ok) {
      setFields(res.fields ?? { _: [formErrorOf(res)] });
      return;
    }
    setFields({});
    if (initial) {
      setNotice(t.products.saved);
      router.refresh();
    } else router.push(`/seller/products/${res.data.product.id}`);
  }

  const err = (name: string) => <FieldErrors name={name} codes={fields[name]} messages={t.fieldErrors} />;
  const label = (name: string, text: string) => (
    <label htmlFor={`f-${name}`} className="block text-sm font-medium text-zinc-700">
      {text}
    </label>
  );

  return (
    <Form
      errors={fields}
      onSubmit={(e) => {
        e.preventDefault();
        void submit(new FormData(e.currentTarget));
      }}
      className="space-y-4 rounded-2xl border border-zinc-200 bg-white p-6 shadow-sm" data-testid="product-form">
      <div className="space-y-1">
        {label("name", t.form.name)}
        <input {...controlProps("name", fields.name)} name="name" defaultValue={initial?.name} className={inputClass} />
        {err("name")}
      </div>
      <div className="space-y-1">
        {label("description", t.form.description)}
        <textarea {...controlProps("description", fields.description)} name="description" rows={4} defaultValue={initial?.description} className={inputClass} />
        {err("description")}
      </div>
      <div className="grid gap-4 sm:grid-cols-2">
        <div className="space-y-1">
          {label("price", t.form.price)}
          <input {...controlProps("price", fields.price)} name="price" type="number" min={100} step={1} defaultValue={initial?.price} className={inputClass} />
          {err("price")}
        </div>
        <div className="space-y-1">
          {label("categoryId", t.form.category)}
          <select {...controlProps("categoryId", fields.categoryId)} name="categoryId" defaultValue={initial?.categoryId ?? ""} className={inputClass}>
            <option value="">{t.form.chooseCategory}</option>
            {categories.map((c) => (
              <option key={c.id} value={c.id}>
                {c.name}
              </option>
            ))}
          </select>
          {categories.length === 0 && <p className="text-xs text-amber-700">{t.form.noCategories}</p>}
          {err("categoryId")}
        </div>
      </div>
      <fieldset className="space-y-1">
        <legend className="text-sm font-medium text-zinc-700">{t.form.type}</legend>
        <div className="flex gap-4 text-sm">
          {(["LIMITED", "NORMAL"] as const).map((v) => (
            <label key={v} className="flex items-center gap-1.5">
              <input type="radio" name="type" value={v} checked={type === v} onChange={() => setType(v)} />
              {t.types[v]}
            </label>
          ))}
        </div>
        {type === "LIMITED" && <p className="text-xs text-zinc-500">{t.form.limitedHint}</p>}
      </fieldset>
      <div className="grid gap-4 sm:grid-cols-2">
        <div className="space-y-1">
          {label("units", t.form.units)}
          <input {...controlProps("units", fields.units)} name="units" type="number" min={0} step={1} defaultValue={initial?.units} className={inputClass} />
          {initial && <p className="text-xs text-zinc-500">{t.form.unitsHint}</p>}
          {err("units")}
        </div>
        <div className="space-y-1">
          {label("perBuyerLimit", t.form.perBuyerLimit)}
          <input {...controlProps("perBuyerLimit", fields.perBuyerLimit)} name="perBuyerLimit" type="number" min={1} step={1} defaultValue={initial?.perBuyerLimit ?? undefined} className={inputClass} />
          {err("perBuyerLimit")}
        </div>
        <div className="space-y-1 sm:col-span-2">
          <label className="flex items-center gap-2 text-sm font-medium text-zinc-700">
            <input id="f-phoneRequired" name="phoneRequired" type="checkbox" defaultChecked={initial?.phoneRequired ?? false} data-testid="phone-required" />
            {t.form.phoneRequired}
          </label>
          <p className="text-xs text-zinc-500">{t.form.phoneRequiredHint}</p>
          {err("phoneRequired")}
        </div>
        <div className="space-y-1">
          {label("saleStartsAt", `${t.form.saleStartsAt} (KST)`)}
          <input {...controlProps("saleStartsAt", fields.saleStartsAt)} name="saleStartsAt" type="datetime-local" step={1} defaultValue={toKstInput(initial?.saleStartsAt)} className={inputClass} />
          {err("saleStartsAt")}
        </div>
        <div className="space-y-1">
          {label("saleEndsAt", `${t.form.saleEndsAt} (KST)`)}
          <input {...controlProps("saleEndsAt", fields.saleEndsAt)} name="saleEndsAt" type="datetime-local" step={1} defaultValue={toKstInput(initial?.saleEndsAt)} className={inputClass} />
          {err("saleEndsAt")}
        </div>
      </div>
      {type === "LIMITED" && (
        <fieldset className="space-y-3 rounded-xl border border-zinc-200 p-4" data-testid="waiting-room-fields">
          <legend className="px-1 text-sm font-medium text-zinc-700">{t.form.room}</legend>
          <label className="flex items-center gap-2 text-sm">
            <input type="checkbox" name="waitingRoom" checked={room} onChange={(e) => setRoom(e.target.checked)} />
            {t.form.roomOn}
          </label>
          <p className="text-xs text-zinc-500">{t.form.roomHint}</p>
          {err("waitingRoom")}
          {room && (
            <div className="grid gap-4 sm:grid-cols-2">
              <div className="space-y-1">
                {label("admissionRate", t.form.admissionRate)}
                <label className="flex items-center gap-2 text-sm">
                  <input type="checkbox" name="autoRate" checked={autoRate} onChange={(e) => setAutoRate(e.target.checked)} />
                  {t.form.autoRate}
                </label>
                {!autoRate && (
                  <input {...controlProps("admissionRate", fields.admissionRate)} name="admissionRate" type="number" min={1} step={1} defaultValue={initial?.admissionRate ?? 50} className={inputClass} />
                )}
                {err("admissionRate")}
              </div>
              <div className="space-y-1">
                {label("preQueueMinutes", t.form.preQueueMinutes)}
                <input {...controlProps("preQueueMinutes", fields.preQueueMinutes)} name="preQueueMinutes" type="number" min={0} step={1} defaultValue={initial?.preQueueMinutes ?? 15} className={inputClass} />
                <p className="text-xs text-zinc-500">{t.form.preQueueHint}</p>
                {err("preQueueMinutes")}
              </div>
              <div className="space-y-1">
                {label("roomDeviceCap", t.form.roomDeviceCap)}
                <input {...controlProps("roomDeviceCap", fields.roomDeviceCap)} name="roomDeviceCap" type="number" min={0} step={1} defaultValue={initial?.roomDeviceCap ?? ""} placeholder={String(capDefaults.device)} className={inputClass} />
                {err("roomDeviceCap")}
              </div>
              <div className="space-y-1">
                {label("roomRangeCap", t.form.roomRangeCap)}
                <input {...controlProps("roomRangeCap", fields.roomRangeCap)} name="roomRangeCap" type="number" min={0} step={1} defaultValue={initial?.roomRangeCap ?? ""} placeholder={String(capDefaults.range)} className={inputClass} />
                {err("roomRangeCap")}
              </div>
              <p className="text-xs text-zinc-500 sm:col-span-2">{fill(t.form.roomCapsHint, { device: capDefaults.device, range: capDefaults.range })}</p>
            </div>
          )}
        </fieldset>
      )}
      {initial?.status !== "ARCHIVED" && (
        <div className="space-y-1">
          {label("status", t.form.status)}
          <select id="f-status" name="status" defaultValue={initial?.status ?? "ACTIVE"} className={inputClass}>
            <option value="ACTIVE">{t.statuses.ACTIVE}</option>
            <option value="DRAFT">{t.statuses.DRAFT}</option>
          </select>
        </div>
      )}
      <ImageUploader images={images} onChange={setImages} query={query} t={t} errors={fields.images} />
      {fields._ && <p role="alert" className="text-sm text-red-600">{fields._.map((c) => (t.errors as Record<string, string>)[c] ?? c).join(" ")}</p>}
      {notice && <p role="status" className="text-sm text-green-700">{notice}</p>}
      <button type="submit" disabled={busy} className="rounded-lg bg-brand-500 px-4 py-2 text-sm font-semibold text-white hover:bg-brand-600 disabled:opacity-60">
        {busy ? t.form.saving : initial ? t.form.save : t.form.create}
      </button>
    </Form>
  );
}

/** The form-wide message for an answer without field errors (a key of messages.seller.errors). */
function formErrorOf(res: { status: number; code?: string }): "notFound" | "emailNotVerified" | "generic" {
  if (res.code === "EMAIL_NOT_VERIFIED") return "emailNotVerified"; // publishing needs a verified shop email
  return res.status === 404 ? "notFound" : "generic";
}
