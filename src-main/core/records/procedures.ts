import type { recordsApi } from '../../../src-shared/api/records';
import type { HandlersFor } from '../handlers';
import { currentUser, writeNamingTarget, type CallContext } from '../context';
import { recordsScope } from './scope';
import {
  getPupil,
  insertPupil,
  listPupils,
  moveClass,
  readmit,
  recordLeaving,
  undoLeaving,
  updatePupilRow,
} from './pupils';
import { createClass, deleteClass, listClasses, updateClass } from './classes';
import { deleteStaff, getStaffView, insertStaff, listStaff, updateStaffRow } from './staff';
import { createRoom, deleteRoom, listRooms, updateRoom } from './rooms';
import { listAssignments, setAssignment } from './assignments';
import { previewUploaded, startImport, startTemplate } from './importer';
import { exportClasses, exportClassList, exportPupils, exportStaff } from './exporter';
import { previewPromotion, runPromotion } from './promotion';
import { createEquipment, deleteEquipment, listEquipment, updateEquipment } from './facilities/equipment';
import { createComputer, deleteComputer, listComputers, updateComputer } from './facilities/computers';
import { bulkCreateComputers } from './facilities/bulk';
import { facilitiesSummary } from './facilities/summary';
import { exportFacilities } from './facilities/export';

function scopeOf(ctx: CallContext) {
  return recordsScope(ctx.app.store, currentUser(ctx));
}

export const recordsHandlers: HandlersFor<typeof recordsApi> = {
  'records.pupils.list': (ctx, input) => listPupils(ctx.app.store, scopeOf(ctx), input),

  'records.pupils.get': (ctx, { id }) => {
    ctx.audit.target = `pupil:${id}`;
    return getPupil(ctx.app.store, scopeOf(ctx), id);
  },

  'records.pupils.create': (ctx, input) => {
    const { store } = ctx.app;
    const id = writeNamingTarget(
      ctx,
      () => insertPupil(store, currentUser(ctx), input),
      (id) => `pupil:${id}`,
    );
    return getPupil(store, scopeOf(ctx), id);
  },

  'records.pupils.update': (ctx, { id, version, ...fields }) => {
    ctx.audit.target = `pupil:${id}`;
    const { store } = ctx.app;
    store.transaction(() => {
      ctx.audit.details = { fields: updatePupilRow(store, id, version, fields) };
    });
    return getPupil(store, scopeOf(ctx), id);
  },

  'records.pupils.moveClass': (ctx, { pupilIds, classId, date }) => {
    ctx.audit.target = `class:${classId}`;
    const { store } = ctx.app;
    return { moved: store.transaction(() => moveClass(store, currentUser(ctx), pupilIds, classId, date)) };
  },

  'records.pupils.transferOut': (ctx, input) => {
    ctx.audit.target = `pupil:${input.id}`;
    const { store } = ctx.app;
    store.transaction(() => recordLeaving(store, currentUser(ctx), { ...input, kind: 'transfer_out' }));
    return getPupil(store, scopeOf(ctx), input.id);
  },

  'records.pupils.dropOut': (ctx, input) => {
    ctx.audit.target = `pupil:${input.id}`;
    const { store } = ctx.app;
    store.transaction(() => recordLeaving(store, currentUser(ctx), { ...input, kind: 'dropout' }));
    return getPupil(store, scopeOf(ctx), input.id);
  },

  'records.pupils.undoLeaving': (ctx, input) => {
    ctx.audit.target = `pupil:${input.id}`;
    const { store } = ctx.app;
    store.transaction(() => {
      ctx.audit.details = undoLeaving(store, currentUser(ctx), input);
    });
    return getPupil(store, scopeOf(ctx), input.id);
  },

  'records.pupils.readmit': (ctx, input) => {
    ctx.audit.target = `pupil:${input.id}`;
    const { store } = ctx.app;
    store.transaction(() => readmit(store, currentUser(ctx), input));
    return getPupil(store, scopeOf(ctx), input.id);
  },

  'records.classes.list': (ctx, { schoolYearId }) => ({ rows: listClasses(ctx.app.store, scopeOf(ctx), schoolYearId) }),

  'records.classes.create': (ctx, input) => {
    return writeNamingTarget(
      ctx,
      () => createClass(ctx.app.store, input),
      (row) => `class:${row.id}`,
    );
  },

  'records.classes.update': (ctx, input) => {
    ctx.audit.target = `class:${input.id}`;
    return updateClass(ctx.app.store, input);
  },

  'records.classes.delete': (ctx, { id, cascade }) => {
    ctx.audit.target = `class:${id}`;
    return { removedEnrolments: deleteClass(ctx.app.store, id, cascade) };
  },

  'records.staff.list': (ctx, input) => ({ rows: listStaff(ctx.app.store, scopeOf(ctx), input) }),

  'records.staff.create': (ctx, input) => {
    const { store } = ctx.app;
    const id = writeNamingTarget(
      ctx,
      () => insertStaff(store, input),
      (id) => `staff:${id}`,
    );
    return getStaffView(store, id);
  },

  'records.staff.update': (ctx, { id, version, ...fields }) => {
    ctx.audit.target = `staff:${id}`;
    const { store } = ctx.app;
    store.transaction(() => updateStaffRow(store, id, version, fields));
    return getStaffView(store, id);
  },

  'records.staff.delete': (ctx, { id, cascade }) => {
    ctx.audit.target = `staff:${id}`;
    return { clearedClasses: deleteStaff(ctx.app.store, id, cascade) };
  },

  'records.assignments.list': (ctx, input) => ({ rows: listAssignments(ctx.app.store, scopeOf(ctx), input) }),

  'records.assignments.set': (ctx, { classId, subject, staffId }) => {
    ctx.audit.target = `class:${classId}`;
    return { assignment: setAssignment(ctx.app.store, classId, subject, staffId) };
  },

  'records.rooms.list': (ctx) => ({ rows: listRooms(ctx.app.store) }),

  'records.rooms.create': (ctx, input) => {
    return writeNamingTarget(
      ctx,
      () => createRoom(ctx.app.store, input),
      (row) => `room:${row.id}`,
    );
  },

  'records.rooms.update': (ctx, input) => {
    ctx.audit.target = `room:${input.id}`;
    return updateRoom(ctx.app.store, input);
  },

  'records.rooms.delete': (ctx, { id, cascade }) => {
    ctx.audit.target = `room:${id}`;
    return { clearedClasses: deleteRoom(ctx.app.store, id, cascade) };
  },

  'records.import.preview': (ctx, input) => previewUploaded(ctx.app, currentUser(ctx), ctx.locale, input),

  'records.import.run': (ctx, input) => {
    ctx.audit.target = `file:${input.fileId}`;
    return startImport(ctx.app, currentUser(ctx), ctx.locale, input);
  },

  'records.import.template': (ctx, { kind }) => {
    ctx.audit.target = `template:${kind}`;
    return startTemplate(ctx.app, currentUser(ctx), kind);
  },

  'records.export.pupils': (ctx, input) => exportPupils(ctx.app, currentUser(ctx), ctx.locale, input),
  'records.export.staff': (ctx, input) => exportStaff(ctx.app, currentUser(ctx), ctx.locale, input),
  'records.export.classes': (ctx, { schoolYearId }) =>
    exportClasses(ctx.app, currentUser(ctx), ctx.locale, schoolYearId),

  'records.export.classList': (ctx, { classId }) => {
    ctx.audit.target = `class:${classId}`;
    return exportClassList(ctx.app, currentUser(ctx), ctx.locale, classId);
  },

  'records.equipment.list': (ctx, input) => ({ rows: listEquipment(ctx.app.store, input) }),

  'records.equipment.create': (ctx, input) => {
    return writeNamingTarget(
      ctx,
      () => createEquipment(ctx.app.store, input),
      (row) => `equipment:${row.id}`,
    );
  },

  'records.equipment.update': (ctx, input) => {
    ctx.audit.target = `equipment:${input.id}`;
    return updateEquipment(ctx.app.store, input);
  },

  'records.equipment.delete': (ctx, { id }) => {
    ctx.audit.target = `equipment:${id}`;
    return { deleted: deleteEquipment(ctx.app.store, id) };
  },

  'records.computers.list': (ctx, input) => ({ rows: listComputers(ctx.app.store, input) }),

  'records.computers.create': (ctx, input) => {
    return writeNamingTarget(
      ctx,
      () => createComputer(ctx.app.store, input),
      (row) => `computer:${row.id}`,
    );
  },

  'records.computers.update': (ctx, input) => {
    ctx.audit.target = `computer:${input.id}`;
    return updateComputer(ctx.app.store, input);
  },

  'records.computers.delete': (ctx, { id }) => {
    ctx.audit.target = `computer:${id}`;
    return { deleted: deleteComputer(ctx.app.store, id) };
  },

  'records.computers.bulkCreate': (ctx, input) => {
    ctx.audit.target = `room:${input.roomId}`;
    return { rows: bulkCreateComputers(ctx.app.store, input) };
  },

  'records.facilities.summary': (ctx) => facilitiesSummary(ctx.app.store),

  'records.export.facilities': (ctx, input) => exportFacilities(ctx.app, currentUser(ctx), ctx.locale, input),

  'records.promotion.preview': (ctx, { fromYearId, toYearId }) => previewPromotion(ctx.app.store, fromYearId, toYearId),

  'records.promotion.run': (ctx, input) => {
    ctx.audit.target = `year:${input.toYearId}`;
    return ctx.app.store.transaction(() => {
      const outcome = runPromotion(ctx.app.store, currentUser(ctx), input);
      ctx.audit.details = { fromYearId: input.fromYearId, toYearId: input.toYearId, ...outcome };
      return outcome;
    });
  },
};
